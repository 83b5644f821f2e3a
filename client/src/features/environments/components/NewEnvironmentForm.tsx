import { useId, useState, type FormEvent } from 'react';

import type { EnvironmentView } from '../../../../../shared/api.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { useCreateEnvironment } from '../api/create-environment.ts';
import { BaseUrlInput } from './BaseUrlInput.tsx';

interface NewEnvironmentFormProps {
  allowedUpstreams: string[];
  onCreated: (environment: EnvironmentView) => void;
  onCancel: () => void;
}

export function NewEnvironmentForm({ allowedUpstreams, onCreated, onCancel }: NewEnvironmentFormProps) {
  const nameId = useId();
  const [name, setName] = useState('');
  const [baseUrl, setBaseUrl] = useState(allowedUpstreams[0] ?? '');
  const create = useCreateEnvironment();
  const errorField = create.error instanceof ApiError ? create.error.field : null;
  const errorMessage = create.error?.message;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name, baseUrl }, { onSuccess: onCreated });
  };

  return (
    <form className="environment-form" onSubmit={submit} aria-label="New environment">
      <h3 className="subheading">New environment</h3>
      {create.isError && errorField !== 'name' && errorField !== 'baseUrl' ? (
        <p role="alert" className="field-error">
          {errorMessage}
        </p>
      ) : null}
      <div className="form-row">
        <label htmlFor={nameId}>Name</label>
        <input
          id={nameId}
          className="input"
          value={name}
          required
          aria-invalid={errorField === 'name' ? true : undefined}
          aria-describedby={errorField === 'name' ? `${nameId}-message` : undefined}
          onChange={(event) => setName(event.target.value)}
        />
        {errorField === 'name' ? (
          <p id={`${nameId}-message`} role="alert" className="field-error">
            {errorMessage}
          </p>
        ) : null}
      </div>
      <BaseUrlInput
        value={baseUrl}
        allowedUpstreams={allowedUpstreams}
        invalid={errorField === 'baseUrl'}
        message={errorField === 'baseUrl' ? errorMessage : undefined}
        onChange={setBaseUrl}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
