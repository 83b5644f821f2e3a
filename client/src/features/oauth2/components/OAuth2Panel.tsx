import type { EnvironmentView } from '../../../../../shared/api.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { useSignOut } from '../api/sign-out.ts';
import { useStartAuthorization } from '../api/start-authorization.ts';
import { RedirectUriField } from './RedirectUriField.tsx';
import './oauth2.css';

interface OAuth2PanelProps {
  environment: EnvironmentView;
  redirectUri: string;
  /** Called just before the page navigates to the authorize page, to keep what the user typed. */
  onBeforeNavigate?: () => void;
}

/**
 * Shows who is signed in with OAuth 2.0 in an environment, with Authorize and Sign out. The server
 * keeps the tokens, so this panel receives only the user, the scopes and the expiry.
 */
export function OAuth2Panel({ environment, redirectUri, onBeforeNavigate }: OAuth2PanelProps) {
  const start = useStartAuthorization();
  const signOut = useSignOut();
  const status = environment.oauth2;
  const clientId = environment.variables.find((variable) => variable.key === 'client_id');
  const hasClientId = clientId !== undefined && clientId.enabled && clientId.set;

  const authorize = () => {
    start.mutate(
      { environmentId: environment.id },
      {
        onSuccess: ({ authorizeUrl }) => {
          onBeforeNavigate?.();
          window.location.assign(authorizeUrl);
        },
      },
    );
  };

  return (
    <section className="oauth2-panel" aria-label="OAuth 2.0 sign-in">
      {status === null ? (
        <p role="status" aria-label="OAuth 2.0 status">
          Nobody is signed in with OAuth 2.0 in {environment.name}.
        </p>
      ) : (
        <dl className="oauth2-panel__facts" role="status" aria-label="OAuth 2.0 status">
          <dt>Signed in as</dt>
          <dd>
            @{status.username} (ID <code>{status.userId}</code>)
          </dd>
          <dt>Scopes</dt>
          <dd>
            <code>{status.scopes.join(' ')}</code>
          </dd>
          <dt>Access token expires</dt>
          <dd>
            <time dateTime={status.expiresAt}>{new Date(status.expiresAt).toLocaleString()}</time>
            {status.refreshable
              ? ' (refreshed automatically shortly before)'
              : ' (no refresh token, because offline.access was not granted: sign in again then)'}
          </dd>
        </dl>
      )}

      <div className="oauth2-panel__actions">
        <button type="button" className="button button--primary" disabled={!hasClientId || start.isPending} onClick={authorize}>
          {status === null ? 'Authorize' : 'Authorize again'}
        </button>
        {status === null ? null : (
          <button
            type="button"
            className="button"
            disabled={signOut.isPending}
            onClick={() => signOut.mutate({ environmentId: environment.id })}
          >
            Sign out
          </button>
        )}
      </div>
      {hasClientId ? null : (
        <p className="field-note">
          Set client_id (and client_secret for a confidential client) in Manage environments to authorize. They are under
          "Keys and tokens" → OAuth 2.0 Client ID and Client Secret in the X developer portal.
        </p>
      )}
      {start.error ? <ErrorNotice title="Could not start the sign-in" message={start.error.message} /> : null}
      {signOut.error ? <ErrorNotice title="Could not sign out" message={signOut.error.message} /> : null}
      {signOut.data ? (
        <p role="status" className="field-note">
          {signOut.data.revoked ? 'Signed out: the tokens were revoked and deleted.' : (signOut.data.message ?? 'Signed out.')}
        </p>
      ) : null}

      <RedirectUriField redirectUri={redirectUri} />
    </section>
  );
}
