import { useState } from 'react';

import type { EnvironmentView } from '../../../../../shared/api.ts';
import { useDeleteEnvironment } from '../api/delete-environment.ts';

interface DeleteEnvironmentProps {
  environment: EnvironmentView;
  onDeleted: () => void;
}

/** "Delete environment" with an inline confirmation, so that no browser dialog is needed. */
export function DeleteEnvironment({ environment, onDeleted }: DeleteEnvironmentProps) {
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteEnvironment();

  if (!confirming) {
    return (
      <button type="button" className="button button--danger-outline" onClick={() => setConfirming(true)}>
        Delete environment
      </button>
    );
  }

  return (
    <div className="confirm" role="group" aria-label="Confirm deletion">
      <span>
        Delete “{environment.name}” and its stored secrets? This cannot be undone.
      </span>
      <button
        type="button"
        className="button button--danger"
        disabled={remove.isPending}
        onClick={() => remove.mutate(environment.id, { onSuccess: onDeleted })}
      >
        {remove.isPending ? 'Deleting…' : 'Delete'}
      </button>
      <button type="button" className="button" onClick={() => setConfirming(false)}>
        Cancel
      </button>
      {remove.isError ? (
        <p role="alert" className="field-error">
          {remove.error.message}
        </p>
      ) : null}
    </div>
  );
}
