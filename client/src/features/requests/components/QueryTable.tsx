import { useId, type Dispatch } from 'react';

import type { EditorAction, QueryRow } from '../model/editor-state.ts';

interface QueryTableProps {
  rows: QueryRow[];
  fieldMessages: Record<string, string>;
  dispatch: Dispatch<EditorAction>;
}

/** Query parameters as in Postman: the collection's rows start unticked, and ticked rows are sent. */
export function QueryTable({ rows, fieldMessages, dispatch }: QueryTableProps) {
  const baseId = useId();
  const update = (rowId: string, changes: Partial<Pick<QueryRow, 'key' | 'value' | 'enabled'>>) =>
    dispatch({ type: 'update-query-row', rowId, changes });

  return (
    <>
      <table className="grid grid--query">
        <caption className="grid__caption">Query parameters</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Send</span>
            </th>
            <th scope="col">Key</th>
            <th scope="col">Value</th>
            <th scope="col">Description</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const name = row.key === '' ? `parameter ${index + 1}` : row.key;
            const message = fieldMessages[`query.${row.rowId}`];
            const messageId = `${baseId}-${row.rowId}-message`;
            return (
              <tr key={row.rowId} className={row.enabled ? undefined : 'grid__row--off'}>
                <td className="grid__check">
                  <input
                    type="checkbox"
                    aria-label="Enabled"
                    title={`Send ${name}`}
                    checked={row.enabled}
                    onChange={(event) => update(row.rowId, { enabled: event.target.checked })}
                  />
                </td>
                <th scope="row">
                  {row.custom ? (
                    <input
                      className="input input--mono"
                      aria-label={`Key of ${name}`}
                      value={row.key}
                      placeholder="key"
                      spellCheck={false}
                      onChange={(event) => update(row.rowId, { key: event.target.value })}
                    />
                  ) : (
                    <code>{row.key}</code>
                  )}
                </th>
                <td className="grid__value">
                  <input
                    className="input input--mono"
                    aria-label={row.custom ? `Value of ${name}` : row.key}
                    aria-invalid={message === undefined ? undefined : true}
                    aria-describedby={message === undefined ? undefined : messageId}
                    value={row.value}
                    placeholder="value"
                    spellCheck={false}
                    autoComplete="off"
                    onChange={(event) => update(row.rowId, { value: event.target.value })}
                  />
                  {message === undefined ? null : (
                    <p id={messageId} role="alert" className="field-error">
                      {message}
                    </p>
                  )}
                </td>
                <td className="grid__description">
                  {row.custom ? (
                    <button type="button" className="link-button" onClick={() => dispatch({ type: 'remove-query-row', rowId: row.rowId })}>
                      Remove {name}
                    </button>
                  ) : (
                    row.description
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" className="button button--small" onClick={() => dispatch({ type: 'add-query-row' })}>
        Add query parameter
      </button>
    </>
  );
}
