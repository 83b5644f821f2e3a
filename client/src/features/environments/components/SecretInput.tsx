import { useState } from 'react';

import { describeSecretStatus, type VariableRow } from '../model/variable-form.ts';

interface SecretInputProps {
  row: VariableRow;
  invalid: boolean;
  describedBy: string | undefined;
  onChange: (value: string) => void;
}

/**
 * Renders a write-only secret field. The input starts empty and its placeholder shows whether a value
 * is stored. "Show" reveals only what was typed here, because the server never sends the stored value.
 */
export function SecretInput({ row, invalid, describedBy, onChange }: SecretInputProps) {
  const [revealed, setRevealed] = useState(false);
  const status = row.secretChange === 'clear' ? 'will be cleared on Save' : describeSecretStatus(row.stored);

  return (
    <span className="secret-input">
      <input
        className="input input--mono"
        type={revealed ? 'text' : 'password'}
        aria-label={row.key === '' ? 'Secret value' : row.key}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy}
        value={row.value}
        placeholder={status}
        autoComplete="new-password"
        spellCheck={false}
        onChange={(event) => onChange(event.target.value)}
      />
      <button
        type="button"
        className="button button--small"
        aria-pressed={revealed}
        title="Show what you typed; the stored value is never sent to the browser"
        onClick={() => setRevealed(!revealed)}
      >
        {revealed ? 'Hide' : 'Show'}
      </button>
      <span className="secret-status">{status}</span>
    </span>
  );
}
