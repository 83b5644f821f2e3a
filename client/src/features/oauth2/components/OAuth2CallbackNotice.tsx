import { useEffect, useState } from 'react';

import type { OAuth2Complete } from '../../../../../shared/api.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { useCompleteAuthorization } from '../api/complete-authorization.ts';
import { readCallbackParams } from '../model/callback-params.ts';

interface OAuth2CallbackNoticeProps {
  redirectUri: string;
  onSignedIn: (environmentId: string) => void;
}

/** The callback of this page load, read once: React may render and run effects twice in development. */
const pageCallback: { params: OAuth2Complete | null | undefined; sent: boolean } = { params: undefined, sent: false };

/**
 * Reads the code or error from the URL, removes it from the address bar and history at once,
 * and passes it to the server. The code is single-use, so it is sent at most once per page load.
 */
function takeCallbackParams(redirectUri: string): OAuth2Complete | null {
  if (pageCallback.params === undefined) {
    pageCallback.params = readCallbackParams(window.location, redirectUri);
    if (pageCallback.params !== null) {
      window.history.replaceState(null, '', '/');
    }
  }

  return pageCallback.params;
}

/** Finishes an OAuth 2.0 sign-in when this page is the redirect URI, and shows how it went. */
export function OAuth2CallbackNotice({ redirectUri, onSignedIn }: OAuth2CallbackNoticeProps) {
  const [params] = useState(() => takeCallbackParams(redirectUri));
  const [dismissed, setDismissed] = useState(false);
  const complete = useCompleteAuthorization();
  const { mutate } = complete;

  useEffect(() => {
    if (params === null || pageCallback.sent) {
      return;
    }
    pageCallback.sent = true;
    mutate(params, { onSuccess: (result) => onSignedIn(result.environmentId) });
  }, [params, mutate, onSignedIn]);

  if (params === null || dismissed) {
    return null;
  }
  const dismiss = (
    <button type="button" className="button button--small" onClick={() => setDismissed(true)}>
      Dismiss
    </button>
  );

  if (complete.isError) {
    return (
      <div className="oauth2-notice">
        <ErrorNotice title="OAuth 2.0 sign-in failed" message={complete.error.message}>
          {dismiss}
        </ErrorNotice>
      </div>
    );
  }
  if (complete.isSuccess) {
    const { status, environmentName } = complete.data;
    return (
      <div role="status" className="notice notice--success oauth2-notice">
        <strong className="notice__title">
          Signed in with OAuth 2.0 as @{status.username} (ID {status.userId}) in {environmentName}
        </strong>
        <p className="notice__message">Scopes: {status.scopes.join(' ')}</p>
        {dismiss}
      </div>
    );
  }

  return (
    <p role="status" className="notice oauth2-notice">
      Finishing the OAuth 2.0 sign-in…
    </p>
  );
}
