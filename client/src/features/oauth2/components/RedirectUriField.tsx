import { useId, useState } from 'react';

/** Shows the redirect URI with a copy button and what the developer must do with it. */
export function RedirectUriField({ redirectUri }: { redirectUri: string }) {
  const labelId = useId();
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);

  const copy = () => {
    navigator.clipboard.writeText(redirectUri).then(
      () => setCopied('copied'),
      () => setCopied('failed'),
    );
  };

  return (
    <div className="oauth2-redirect">
      <span id={labelId} className="field-label">
        Redirect URI
      </span>
      <div className="oauth2-redirect__row">
        <code className="oauth2-redirect__value" aria-labelledby={labelId}>
          {redirectUri}
        </code>
        <button type="button" className="button button--small" onClick={copy}>
          Copy redirect URI
        </button>
        {copied === null ? null : (
          <span role="status" className="muted">
            {copied === 'copied' ? 'Copied.' : 'Copying failed: select the text and copy it.'}
          </span>
        )}
      </div>
      <p className="field-note">
        It must be registered exactly, character for character, in the X developer portal: your app → User authentication
        settings → Callback URI / Redirect URL. WORKBENCH_OAUTH2_REDIRECT_URI changes it. The sandbox registers it by itself.
      </p>
    </div>
  );
}
