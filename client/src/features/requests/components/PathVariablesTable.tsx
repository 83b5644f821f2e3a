import { useId } from 'react';

import type { AuthType } from '../../../../../shared/auth-types.ts';
import type { PathVariableDefinition, RequestDefinition } from '../../../../../shared/collection.ts';

interface PathVariablesTableProps {
  definition: RequestDefinition;
  values: Record<string, string>;
  /** The ID of the user the credentials act as, which the server puts into an empty `id` or `source_user_id`. */
  tokenUserId: string | null;
  authType: AuthType;
  fieldMessages: Record<string, string>;
  onChange: (key: string, value: string) => void;
  /** Fills a variable with the authenticated user's ID. */
  onUseMyId: (key: string) => void;
}

export function PathVariablesTable(props: PathVariablesTableProps) {
  const { definition, values, tokenUserId, authType, fieldMessages, onChange, onUseMyId } = props;
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
                  placeholder={placeholderFor(variable, tokenUserId, authType)}
                  spellCheck={false}
                  autoComplete="off"
                  onChange={(event) => onChange(variable.key, event.target.value)}
                />
                {variable.defaultsToTokenUser ? (
                  <button
                    type="button"
                    className="button button--small use-my-id"
                    aria-label={`Use my ID for ${variable.key}`}
                    onClick={() => onUseMyId(variable.key)}
                  >
                    Use my ID
                  </button>
                ) : null}
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

function placeholderFor(variable: PathVariableDefinition, tokenUserId: string | null, authType: AuthType): string {
  if (variable.defaultsToTokenUser && tokenUserId !== null) {
    return `${tokenUserId} (${authType === 'oauth2' ? 'the signed-in user' : 'from the access token'})`;
  }
  if (variable.defaultsToTokenUser && authType === 'app-only') {
    return 'user ID (required: an app-only token has no user)';
  }
  if (variable.defaultsToTokenUser) {
    return 'user ID (empty uses the authenticated user)';
  }

  return variable.kind === 'username' ? 'username, such as XDevelopers' : 'user ID, such as 2244994945';
}
