import { useId } from 'react';

import type { EnvironmentView } from '../../../../../shared/api.ts';
import { AUTH_TYPE_VARIABLES, AUTH_TYPES, labelAuthType, type AuthType } from '../../../../../shared/auth-types.ts';
import { OAuth2Panel } from '../../oauth2/components/OAuth2Panel.tsx';
import type { DraftAuthType } from '../model/editor-state.ts';

interface AuthorizationPanelProps {
  environment: EnvironmentView | null;
  authType: DraftAuthType;
  redirectUri: string;
  onAuthTypeChange: (authType: DraftAuthType) => void;
  onEdit: () => void;
  onBeforeAuthorize: () => void;
}

const EXPLANATIONS: Record<AuthType, string> = {
  oauth1:
    'The workbench server signs each request with HMAC-SHA1 using these variables of the selected environment. The Request tab of the response shows the Authorization header with the secrets redacted.',
  oauth2:
    'The workbench server sends the access token of the user who signed in with Authorize, and refreshes it shortly before it expires and once after a 401. The browser never receives the token.',
  'app-only':
    'The workbench server sends the app\'s bearer_token. It acts as the app and no user: X accepts it for the follower lists and username lookups, but not for follow, unfollow or /2/users/me.',
};

/**
 * Picks how this request authenticates and lists the credentials that auth type uses, with only
 * whether each is set. Loaded on first use of the Authorization tab.
 */
export default function AuthorizationPanel(props: AuthorizationPanelProps) {
  const { environment, authType, redirectUri, onAuthTypeChange, onEdit, onBeforeAuthorize } = props;
  const selectId = useId();
  const effective: AuthType = authType === 'inherit' ? (environment?.authType ?? 'oauth1') : authType;

  return (
    <div className="auth-panel">
      <label htmlFor={selectId} className="field-label">
        Auth type
      </label>
      <select
        id={selectId}
        className="input auth-panel__select"
        value={authType}
        onChange={(event) => onAuthTypeChange(event.target.value as DraftAuthType)}
      >
        <option value="inherit">
          Inherit from environment ({environment === null ? 'none selected' : labelAuthType(environment.authType)})
        </option>
        {AUTH_TYPES.map((type) => (
          <option key={type} value={type}>
            {labelAuthType(type)}
          </option>
        ))}
      </select>
      <p className="muted">{EXPLANATIONS[effective]}</p>

      {environment === null ? (
        <p>Select an environment to see its credentials.</p>
      ) : (
        <>
          <CredentialsTable environment={environment} authType={effective} />
          {effective === 'oauth2' ? (
            <OAuth2Panel environment={environment} redirectUri={redirectUri} onBeforeNavigate={onBeforeAuthorize} />
          ) : null}
        </>
      )}
      <button type="button" className="button" onClick={onEdit}>
        Edit credentials
      </button>
    </div>
  );
}

function CredentialsTable({ environment, authType }: { environment: EnvironmentView; authType: AuthType }) {
  return (
    <table className="grid grid--compact">
      <caption className="grid__caption">Variables of {environment.name}</caption>
      <thead>
        <tr>
          <th scope="col">Variable</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {AUTH_TYPE_VARIABLES[authType].map((key) => {
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
                {key === 'client_secret' && !set ? ' (a public client needs none)' : ''}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
