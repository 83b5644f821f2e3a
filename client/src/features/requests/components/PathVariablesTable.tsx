import { useId } from 'react';

import type { PathVariableDefinition, RequestDefinition } from '../../../../../shared/collection.ts';

interface PathVariablesTableProps {
  definition: RequestDefinition;
  values: Record<string, string>;
  tokenUserId: string | null;
  fieldMessages: Record<string, string>;
  onChange: (key: string, value: string) => void;
}

export function PathVariablesTable({ definition, values, tokenUserId, fieldMessages, onChange }: PathVariablesTableProps) {
  const baseId = useId();

  return (
    <table className="grid">
      <caption className="grid__caption">Path variables</caption>
      <thead>
        <tr>
          <th scope="col">Key</th>
          <th scope="col">Value</th>
          <th scope="col">Description</th>
        </tr>
      </thead>
      <tbody>
        {definition.pathVariables.map((variable) => {
          const value = values[variable.key] ?? '';
          // An empty required value is reported next to Send only, so that an untouched form shows no errors.
          const hideMessage = value === '' && !variable.defaultsToTokenUser;
          const message = hideMessage ? undefined : fieldMessages[`pathVariables.${variable.key}`];
          const messageId = `${baseId}-${variable.key}-message`;
          return (
            <tr key={variable.key}>
              <th scope="row">
                <code>{variable.key}</code>
              </th>
              <td className="grid__value">
                <input
                  className="input input--mono"
                  aria-label={variable.key}
                  aria-invalid={message === undefined ? undefined : true}
                  aria-describedby={message === undefined ? undefined : messageId}
                  value={value}
                  placeholder={placeholderFor(variable, tokenUserId)}
                  spellCheck={false}
                  autoComplete="off"
                  onChange={(event) => onChange(variable.key, event.target.value)}
                />
                {message === undefined ? null : (
                  <p id={messageId} role="alert" className="field-error">
                    {message}
                  </p>
                )}
              </td>
              <td className="grid__description">{variable.description}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function placeholderFor(variable: PathVariableDefinition, tokenUserId: string | null): string {
  if (variable.defaultsToTokenUser && tokenUserId !== null) {
    return `${tokenUserId} (from the access token)`;
  }
  if (variable.defaultsToTokenUser) {
    return 'user ID (empty uses the access token owner)';
  }

  return variable.kind === 'username' ? 'username, such as XDevelopers' : 'user ID, such as 2244994945';
}
