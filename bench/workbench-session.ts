import type { HttpClient } from './http-client.ts';
import type { OAuth1Credentials } from './oauth1-header.ts';

/** A browser-like session of the workbench API: the session cookie and its CSRF token. */
export interface WorkbenchSession {
  cookie: string;
  csrfToken: string;
}

/** Starts a session with GET /api/session, as the page does on load. */
export async function openSession(client: HttpClient, baseUrl: string): Promise<WorkbenchSession> {
  const response = await client.send(`${baseUrl}/api/session`, { method: 'GET' });
  const setCookie = response.headers['set-cookie'];
  const cookie = (Array.isArray(setCookie) ? setCookie[0] : setCookie)?.split(';')[0];
  if (response.status !== 200 || cookie === undefined) {
    throw new Error(`GET /api/session failed with HTTP ${response.status}: ${response.text.slice(0, 300)}`);
  }

  return { cookie, csrfToken: (JSON.parse(response.text) as { csrfToken: string }).csrfToken };
}

/** Returns the headers of a state-changing API call: the cookie, JSON and the CSRF token. */
export function sessionHeaders(session: WorkbenchSession): Record<string, string> {
  return { cookie: session.cookie, 'content-type': 'application/json', 'x-csrf-token': session.csrfToken };
}

/** Creates the environment "Bench sandbox" in the session's workspace and returns its ID. */
export async function createBenchEnvironment(
  client: HttpClient,
  baseUrl: string,
  session: WorkbenchSession,
  sandboxUrl: string,
  credentials: OAuth1Credentials,
): Promise<string> {
  const response = await client.send(`${baseUrl}/api/environments`, {
    method: 'POST',
    headers: sessionHeaders(session),
    body: JSON.stringify({
      name: 'Bench sandbox',
      baseUrl: sandboxUrl,
      variables: [
        { key: 'consumer_key', value: credentials.consumerKey },
        { key: 'consumer_secret', value: credentials.consumerSecret },
        { key: 'access_token', value: credentials.accessToken },
        { key: 'token_secret', value: credentials.tokenSecret },
      ],
    }),
  });
  if (response.status !== 201) {
    throw new Error(`creating the bench environment failed with HTTP ${response.status}: ${response.text.slice(0, 300)}`);
  }

  return (JSON.parse(response.text) as { id: string }).id;
}
