import { parseSnippetUrl, shellQuote, SNIPPET_ENV, X_API_ORIGIN, type SnippetRequest } from './request.ts';

/**
 * Commands for X's CLI tools, xurl and twurl. Both store credentials once (`auth` / `authorize`)
 * and then take the path of each request; both send to the real X API only.
 */

export function xurlSnippet(request: SnippetRequest): string {
  const { origin, path, search } = parseSnippetUrl(request.url);
  const target = search === '' ? path : `${path}?${search}`;
  const authFlag = { oauth1: 'oauth1', oauth2: 'oauth2', 'app-only': 'app' }[request.auth];
  const command = [`xurl --auth ${authFlag} -X ${request.method}`];
  if (request.body !== null) {
    command.push(`-H 'Content-Type: application/json' -d ${shellQuote(request.body)}`);
  }
  command.push(shellQuote(target));

  return [
    `# ${request.name}: ${request.method} ${request.url}`,
    ...hostNote(origin, 'xurl'),
    '# Store the credentials once (xurl keeps them in ~/.xurl):',
    ...xurlAuthLines(request),
    '',
    command.join(' '),
  ].join('\n') + '\n';
}

function xurlAuthLines(request: SnippetRequest): string[] {
  if (request.auth === 'oauth1') {
    return [
      `xurl auth oauth1 --consumer-key "$${SNIPPET_ENV.apiKey}" --consumer-secret "$${SNIPPET_ENV.apiSecret}" \\`,
      `  --access-token "$${SNIPPET_ENV.accessToken}" --token-secret "$${SNIPPET_ENV.accessTokenSecret}"`,
    ];
  }
  if (request.auth === 'oauth2') {
    return ['# OAuth 2.0 user context: xurl signs you in through the browser with its own PKCE flow.', 'xurl auth oauth2'];
  }

  return [`printf '%s' "$${SNIPPET_ENV.bearerToken}" | xurl auth app-only -`];
}

export function twurlSnippet(request: SnippetRequest): string {
  const { origin, path, search } = parseSnippetUrl(request.url);
  const target = search === '' ? path : `${path}?${search}`;
  const command = [`twurl${request.auth === 'oauth1' ? '' : ' --bearer'} -X ${request.method}`];
  if (request.body !== null) {
    command.push(`-A 'Content-Type: application/json' -d ${shellQuote(request.body)}`);
  }
  command.push(shellQuote(target));

  return [
    `# ${request.name}: ${request.method} ${request.url}`,
    ...hostNote(origin, 'twurl'),
    ...(request.auth === 'oauth2'
      ? ['# twurl has no OAuth 2.0 user-context sign-in; this uses the app-only bearer token instead,', '# which X rejects on follow, unfollow and /2/users/me.']
      : []),
    '# Store the credentials once (twurl keeps them in ~/.twurlrc):',
    ...twurlAuthLines(request),
    '',
    command.join(' '),
  ].join('\n') + '\n';
}

function twurlAuthLines(request: SnippetRequest): string[] {
  if (request.auth === 'oauth1') {
    return [
      `twurl authorize --consumer-key "$${SNIPPET_ENV.apiKey}" --consumer-secret "$${SNIPPET_ENV.apiSecret}" \\`,
      `  --access-token "$${SNIPPET_ENV.accessToken}" --token-secret "$${SNIPPET_ENV.accessTokenSecret}"`,
    ];
  }

  return [`twurl authorize --bearer --consumer-key "$${SNIPPET_ENV.apiKey}" --consumer-secret "$${SNIPPET_ENV.apiSecret}"`];
}

function hostNote(origin: string, tool: string): string[] {
  if (origin === X_API_ORIGIN) {
    return [];
  }

  return [`# ${tool} sends to ${X_API_ORIGIN}, not to ${origin}; use the curl snippet for another host.`];
}
