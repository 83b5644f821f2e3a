import { useId } from 'react';

import { isSecretKey, type FormAction, type VariableRow } from '../model/variable-form.ts';
import { SecretInput } from './SecretInput.tsx';

interface VariablesTableProps {
  rows: VariableRow[];
  /** Server messages keyed by row ID, from a failed Save. */
  rowMessages: Record<string, string>;
  dispatch: (action: FormAction) => void;
}

export function VariablesTable({ rows, rowMessages, dispatch }: VariablesTableProps) {
  const baseId = useId();

  return (
    <>
      <table className="grid variables-table">
        <caption className="grid__caption">Variables</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Enabled</span>
            </th>
            <th scope="col">Key</th>
            <th scope="col">Value</th>
            <th scope="col">Secret</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const name = row.key === '' ? `variable ${index + 1}` : row.key;
            const message = rowMessages[row.rowId];
            const messageId = `${baseId}-${row.rowId}-message`;
            return (
              <tr key={row.rowId} className={row.enabled ? undefined : 'grid__row--off'}>
                <td className="grid__check">
                  <input
                    type="checkbox"
                    aria-label="Enabled"
                    title={`Use ${name} when sending`}
                    checked={row.enabled}
                    onChange={(event) => dispatch({ type: 'set-enabled', rowId: row.rowId, enabled: event.target.checked })}
                  />
                </td>
                <th scope="row">
                  {row.wellKnown ? (
                    <code>{row.key}</code>
                  ) : (
                    <input
                      className="input input--mono"
                      aria-label={`Key of ${name}`}
                      value={row.key}
                      placeholder="key"
                      spellCheck={false}
                      onChange={(event) => dispatch({ type: 'set-key', rowId: row.rowId, key: event.target.value })}
                    />
                  )}
                </th>
                <td className="grid__value">
                  {row.secret ? (
                    <SecretInput
                      row={row}
                      invalid={message !== undefined}
                      describedBy={message === undefined ? undefined : messageId}
                      onChange={(value) => dispatch({ type: 'set-value', rowId: row.rowId, value })}
                    />
                  ) : (
                    <input
                      className="input input--mono"
                      aria-label={row.key === '' ? `Value of ${name}` : row.key}
                      aria-invalid={message === undefined ? undefined : true}
                      aria-describedby={message === undefined ? undefined : messageId}
                      value={row.value}
                      spellCheck={false}
                      autoComplete="off"
                      onChange={(event) => dispatch({ type: 'set-value', rowId: row.rowId, value: event.target.value })}
                    />
                  )}
                  {message === undefined ? null : (
                    <p id={messageId} role="alert" className="field-error">
                      {message}
                    </p>
                  )}
                </td>
                <td className="grid__check">
                  <input
                    type="checkbox"
                    aria-label="Secret"
                    checked={row.secret}
                    disabled={isSecretKey(row.key)}
                    title={isSecretKey(row.key) ? 'Credentials are always secret' : undefined}
                    onChange={(event) => dispatch({ type: 'set-secret', rowId: row.rowId, secret: event.target.checked })}
                  />
                </td>
                <td className="variables-table__actions">
                  <RowActions row={row} name={name} dispatch={dispatch} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" className="button button--small" onClick={() => dispatch({ type: 'add-row' })}>
        Add variable
      </button>
    </>
  );
}

function RowActions({ row, name, dispatch }: { row: VariableRow; name: string; dispatch: (action: FormAction) => void }) {
  return (
    <>
      {row.secret && row.secretChange === 'clear' ? (
        <button type="button" className="link-button" onClick={() => dispatch({ type: 'keep-secret', rowId: row.rowId })}>
          Keep {name}
        </button>
      ) : null}
      {row.secret && row.secretChange !== 'clear' && row.stored.set ? (
        <button
          type="button"
          className="link-button"
          title={`Clear the stored ${name} on Save`}
          onClick={() => dispatch({ type: 'clear-secret', rowId: row.rowId })}
        >
          Clear
        </button>
      ) : null}
      {row.wellKnown ? null : (
        <button type="button" className="link-button" onClick={() => dispatch({ type: 'remove-row', rowId: row.rowId })}>
          Remove {name}
        </button>
      )}
    </>
  );
}
