/** The sandbox's developer-portal page, as JSON and as a small HTML page without scripts. */
import type { SandboxPortal } from '../../shared/sandbox-portal.ts';

import type { SandboxState } from './state.ts';

/** Lists the apps, the named users with their current counts, and the access tokens. */
export function buildPortal(state: SandboxState): SandboxPortal {
  const graph = state.graph;

  return {
    apps: state.credentials.seeded.apps.map((app) => ({ ...app, oauth2: state.oauth2.clients.describe(app) })),
    users: graph.listNamedUsers().map((user) => ({
      id: user.id,
      username: user.username,
      name: user.name,
      protected: user.protected,
      suspended: user.suspended,
      followersCount: graph.countFollowers(user.id),
      followingCount: graph.countFollowing(user.id),
    })),
    tokens: state.credentials.seeded.tokens.map((token) => ({ ...token })),
  };
}

/** Content-Security-Policy of the portal page: no scripts, no external resources, no framing. */
export const PORTAL_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

function cell(value: string, className = ''): string {
  const classAttribute = className === '' ? '' : ` class="${className}"`;

  return `<td${classAttribute}>${escapeHtml(value)}</td>`;
}

function table(headings: string[], rows: string[][]): string {
  const head = headings.map((heading) => `<th scope="col">${escapeHtml(heading)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.join('')}</tr>`).join('\n');

  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

const STYLE = `
body { font: 15px/1.5 system-ui, sans-serif; margin: 0; color: #0f1419; background: #f7f9f9; }
header { background: #000; color: #fff; padding: 16px 32px; }
header h1 { margin: 0; font-size: 20px; }
main { padding: 16px 32px 48px; max-width: 1400px; }
.note { background: #fff8e1; border: 1px solid #f0c36d; border-radius: 8px; padding: 12px 16px; }
h2 { margin-top: 32px; font-size: 18px; }
table { border-collapse: collapse; width: 100%; background: #fff; border: 1px solid #cfd9de; border-radius: 8px; }
th, td { text-align: left; padding: 8px 12px; border-bottom: 1px solid #eff3f4; vertical-align: top; }
th { font-size: 13px; color: #536471; }
td.secret { font-family: ui-monospace, monospace; font-size: 13px; word-break: break-all; }
td.lines { white-space: pre-line; }
`;

function describeAccount(user: { protected: boolean; suspended: boolean }): string {
  if (user.suspended) {
    return 'Suspended';
  }

  return user.protected ? 'Protected' : 'Public';
}

export function renderPortalHtml(portal: SandboxPortal): string {
  const apps = table(
    ['App', 'App ID', 'Permission', 'Attached to a Project', 'API key (consumer key)', 'API key secret', 'Bearer token'],
    portal.apps.map((app) => [
      cell(app.name),
      cell(app.appId),
      cell(app.permission === 'read' ? 'Read' : 'Read and write'),
      cell(app.projectAttached ? 'Yes' : 'No'),
      cell(app.consumerKey, 'secret'),
      cell(app.consumerSecret, 'secret'),
      cell(app.bearerToken, 'secret'),
    ]),
  );
  const users = table(
    ['User ID', 'Username', 'Name', 'Account', 'Followers', 'Following'],
    portal.users.map((user) => [
      cell(user.id),
      cell(`@${user.username}`),
      cell(user.name),
      cell(describeAccount(user)),
      cell(String(user.followersCount)),
      cell(String(user.followingCount)),
    ]),
  );
  const oauth2Clients = table(
    ['App', 'Client type', 'OAuth 2.0 client ID', 'Client secret', 'Registered callback URLs'],
    portal.apps.map((app) => [
      cell(app.name),
      cell(app.oauth2.clientType === 'public' ? 'Public (PKCE only, no secret)' : 'Confidential'),
      cell(app.oauth2.clientId, 'secret'),
      cell(app.oauth2.clientSecret ?? 'None', 'secret'),
      cell(app.oauth2.redirectUris.length === 0 ? 'None' : app.oauth2.redirectUris.join('\n'), 'secret lines'),
    ]),
  );
  const tokens = table(
    ['App', 'User', 'Access token', 'Access token secret'],
    portal.tokens.map((token) => [
      cell(token.appName),
      cell(`@${token.username} (${token.userId})`),
      cell(token.accessToken, 'secret'),
      cell(token.accessTokenSecret, 'secret'),
    ]),
  );

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>X Sandbox developer portal</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>X Sandbox developer portal</h1></header>
<main>
<p class="note">These keys and tokens are fake. Only this local X sandbox accepts them, and they change when the sandbox seed changes. The same data is at <a href="/portal.json">/portal.json</a>.</p>
<h2>Apps</h2>
${apps}
<h2>OAuth 2.0 clients</h2>
<p>Authorize at <code>/i/oauth2/authorize</code>, exchange codes at <code>/2/oauth2/token</code> and revoke tokens at <code>/2/oauth2/revoke</code> on this sandbox.</p>
${oauth2Clients}
<h2>Users</h2>
${users}
<h2>Access tokens</h2>
${tokens}
</main>
</body>
</html>
`;
}
