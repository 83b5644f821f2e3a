import type { UseQueryResult } from '@tanstack/react-query';
import { useId } from 'react';

import type { EnvironmentView } from '../../../../../shared/api.ts';

interface EnvironmentPickerProps {
  environments: UseQueryResult<EnvironmentView[]>;
  selected: EnvironmentView | null;
  onSelect: (environmentId: string) => void;
}

/** Renders the "Environment" menu in the header. The selected environment's base URL is its tooltip. */
export function EnvironmentPicker({ environments, selected, onSelect }: EnvironmentPickerProps) {
  const selectId = useId();
  const list = environments.data ?? [];

  return (
    <div className="environment-picker">
      <label htmlFor={selectId} className="environment-picker__label">
        Environment
      </label>
      <select
        id={selectId}
        className="select"
        value={selected?.id ?? ''}
        disabled={list.length === 0}
        title={selected?.baseUrl}
        onChange={(event) => onSelect(event.target.value)}
      >
        {environments.isPending ? <option value="">Loading…</option> : null}
        {!environments.isPending && list.length === 0 ? <option value="">No environments</option> : null}
        {list.map((environment) => (
          <option key={environment.id} value={environment.id}>
            {environment.name}
          </option>
        ))}
      </select>
      {environments.isError ? (
        <span role="alert" className="environment-picker__error">
          {environments.error.message}{' '}
          <button type="button" className="link-button" onClick={() => void environments.refetch()}>
            Retry
          </button>
        </span>
      ) : null}
    </div>
  );
}
