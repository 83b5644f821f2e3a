/**
 * The consent page of `/i/oauth2/authorize` and its error page: plain HTML forms without scripts,
 * served with the portal's Content-Security-Policy. Every value is HTML-escaped.
 */
import { escapeHtml } from '../portal.ts';

import { AUTHORIZE_PARAMETERS, type AuthorizationRequest } from './authorize-request.ts';
import { describeScope } from './scopes.ts';

/** Accessible names that end-to-end tests use. */
export const CONSENT_LABELS = {
  userPicker: 'Sign in as',
  approve: 'Authorize app',
  deny: 'Cancel',
} as const;

/** Form field names of the consent form, besides the authorization request's own parameters. */
export const CONSENT_FIELDS = { consentToken: 'consent_token', userId: 'user_id', decision: 'decision' } as const;

export interface ConsentUser {
  id: string;
  username: string;
  name: string;
}

const STYLE = `
body { font: 15px/1.5 system-ui, sans-serif; margin: 0; color: #0f1419; background: #f7f9f9; }
main { max-width: 560px; margin: 48px auto; background: #fff; border: 1px solid #cfd9de; border-radius: 16px; padding: 24px 32px; }
h1 { font-size: 22px; margin-top: 0; }
.note { color: #536471; font-size: 13px; }
.error { background: #fdecea; border: 1px solid #f4b4ad; border-radius: 8px; padding: 12px 16px; }
code { word-break: break-all; }
ul { padding-left: 20px; }
label { display: block; font-weight: 600; margin: 16px 0 4px; }
select { font: inherit; padding: 6px; width: 100%; }
.actions { display: flex; gap: 12px; margin-top: 24px; }
button { font: inherit; font-weight: 600; border-radius: 999px; padding: 8px 20px; border: 1px solid #0f1419; cursor: pointer; }
button.approve { background: #0f1419; color: #fff; }
button.deny { background: #fff; color: #0f1419; }
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

export function renderConsentPage(request: AuthorizationRequest, users: readonly ConsentUser[], consentToken: string): string {
  const hiddenInputs = AUTHORIZE_PARAMETERS.map(
    (name) => `<input type="hidden" name="${name}" value="${escapeHtml(request.parameters[name])}">`,
  );
  hiddenInputs.push(`<input type="hidden" name="${CONSENT_FIELDS.consentToken}" value="${escapeHtml(consentToken)}">`);
  const scopes = request.scopes.map((scope) => `<li>${escapeHtml(describeScope(scope))} <span class="note">(${escapeHtml(scope)})</span></li>`);
  const options = users.map((user) => `<option value="${escapeHtml(user.id)}">@${escapeHtml(user.username)} (${escapeHtml(user.name)})</option>`);

  return page(
    `Authorize ${request.app.name}`,
    `<h1>Authorize ${escapeHtml(request.app.name)} to access your account?</h1>
<p>${escapeHtml(request.app.name)} asks to:</p>
<ul>
${scopes.join('\n')}
</ul>
<form method="post" action="/i/oauth2/authorize">
${hiddenInputs.join('\n')}
<label for="${CONSENT_FIELDS.userId}">${CONSENT_LABELS.userPicker}</label>
<select id="${CONSENT_FIELDS.userId}" name="${CONSENT_FIELDS.userId}" required>
${options.join('\n')}
</select>
<div class="actions">
<button type="submit" class="approve" name="${CONSENT_FIELDS.decision}" value="approve">${CONSENT_LABELS.approve}</button>
<button type="submit" class="deny" name="${CONSENT_FIELDS.decision}" value="deny">${CONSENT_LABELS.deny}</button>
</div>
</form>
<p class="note">Either button sends you back to <code>${escapeHtml(request.redirectUri)}</code>. This is the local X sandbox: no real account is involved.</p>`,
  );
}

export function renderAuthorizeErrorPage(message: string): string {
  return page(
    'Authorization failed',
    `<h1>Authorization failed</h1>
<p class="error" role="alert">${escapeHtml(message)}</p>
<p class="note">The sandbox did not send you back to the app, because the request could not be trusted. Start signing in again from the app.</p>`,
  );
}
