import type { EnvironmentView, OAUTH1_VARIABLE_KEYS } from '../../../../../shared/api.ts';

interface AuthorizationPanelProps {
  environment: EnvironmentView | null;
  onEdit: () => void;
}

// Repeated from shared/api.ts, which the browser must not load at run time; the type keeps them equal.
const OAUTH1_KEYS = ['consumer_key', 'consumer_secret', 'access_token', 'token_secret'] as const satisfies typeof OAUTH1_VARIABLE_KEYS;

/** Lists the credentials that the server signs with and whether each is set. The server never sends their values. */
export function AuthorizationPanel({ environment, onEdit }: AuthorizationPanelProps) {
  return (
    <div className="auth-panel">
      <p className="auth-panel__type">
        <strong>OAuth 1.0a User Context — signed on the server</strong>
      </p>
      <p className="muted">
        The workbench server signs each request with HMAC-SHA1 using these variables of the selected environment. Their
        values stay on the server; the Request tab of the response shows the Authorization header with the secrets
        redacted.
      </p>
      {environment === null ? (
        <p>Select an environment to see its credentials.</p>
      ) : (
        <table className="grid grid--compact">
          <caption className="grid__caption">Variables of {environment.name}</caption>
          <thead>
            <tr>
              <th scope="col">Variable</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {OAUTH1_KEYS.map((key) => {
              const variable = environment.variables.find((entry) => entry.key === key);
              const set = variable?.set === true;
              const status = set ? `set${variable?.hint ? ` ${variable.hint}` : ''}` : 'not set';
              return (
                <tr key={key}>
                  <th scope="row">
                    <code>{key}</code>
                  </th>
                  <td className={set ? 'status-set' : 'status-unset'}>
                    {status}
                    {variable !== undefined && !variable.enabled ? ' (disabled)' : ''}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <button type="button" className="button" onClick={onEdit}>
        Edit credentials
      </button>
    </div>
  );
}
