import path from 'node:path';
import type { OAuth2StartResult } from '../../../shared/api.ts';
import { loadOrCreateKeyFile, SecretBox } from '../../crypto/secret-box.ts';
import { openDatabase } from '../../db/database.ts';
import type { ApiClient, ApiResponse } from '../../testing/test-workbench.ts';
import { OAuth2TokenStore, type StoredTokens } from './token-store.ts';

/**
 * Test helpers that walk the OAuth 2.0 flow over real HTTP as a browser would: start on the
 * workbench, open the sandbox's consent page, submit its form, and read the redirect.
 */

export interface RedirectParams {
  state: string;
  code: string | null;
  error: string | null;
  errorDescription: string | null;
}

export async function startAuthorization(client: ApiClient, environmentId: string): Promise<URL> {
  const started = await client.request<OAuth2StartResult>('POST', '/api/oauth2/start', { environmentId });
  if (started.status !== 200) {
    throw new Error(`POST /api/oauth2/start failed with ${started.status}: ${started.text}`);
  }

  return new URL(started.json.authorizeUrl);
}

/** Opens the consent page, submits it as `userId` with the decision, and returns what the redirect carries. */
export async function submitConsent(authorizeUrl: URL, userId: string, decision: 'approve' | 'deny' = 'approve'): Promise<RedirectParams> {
  const page = await fetch(authorizeUrl, { redirect: 'manual' });
  const html = await page.text();
  if (page.status !== 200) {
    throw new Error(`the consent page failed with ${page.status}: ${html.slice(0, 300)}`);
  }

  const form = new URLSearchParams(readHiddenInputs(html));
  form.set('user_id', userId);
  form.set('decision', decision);
  const answer = await fetch(new URL('/i/oauth2/authorize', authorizeUrl.origin), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: authorizeUrl.origin },
    body: form.toString(),
    redirect: 'manual',
  });
  const location = answer.headers.get('location');
  if (answer.status !== 302 || location === null) {
    throw new Error(`the consent form failed with ${answer.status}: ${(await answer.text()).slice(0, 300)}`);
  }
  const redirect = new URL(location);

  return {
    state: redirect.searchParams.get('state') ?? '',
    code: redirect.searchParams.get('code'),
    error: redirect.searchParams.get('error'),
    errorDescription: redirect.searchParams.get('error_description'),
  };
}

/** Passes a redirect on to the workbench, as the client page at the redirect URI does. */
export function completeAuthorization(client: ApiClient, redirect: RedirectParams): Promise<ApiResponse> {
  return client.request('POST', '/api/oauth2/complete', {
    state: redirect.state,
    ...(redirect.code === null ? {} : { code: redirect.code }),
    ...(redirect.error === null ? {} : { error: redirect.error }),
    ...(redirect.errorDescription === null ? {} : { errorDescription: redirect.errorDescription }),
  });
}

/** Runs the whole flow and fails the test unless it signs in. */
export async function signIn(client: ApiClient, environmentId: string, userId: string): Promise<void> {
  const redirect = await submitConsent(await startAuthorization(client, environmentId), userId);
  const completed = await completeAuthorization(client, redirect);
  if (completed.status !== 200) {
    throw new Error(`POST /api/oauth2/complete failed with ${completed.status}: ${completed.text}`);
  }
}

/** Reads the stored tokens straight from the workbench's database, as only the server can. */
export function readStoredTokens(dataDir: string, environmentId: string): StoredTokens | null {
  const db = openDatabase(path.join(dataDir, 'workbench.db'));
  try {
    return new OAuth2TokenStore(db, new SecretBox(loadOrCreateKeyFile(dataDir)), Date.now).readTokens(environmentId);
  } finally {
    db.close();
  }
}

function readHiddenInputs(html: string): Array<[string, string]> {
  const fields: Array<[string, string]> = [];
  for (const match of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
    fields.push([unescapeHtml(match[1]!), unescapeHtml(match[2]!)]);
  }

  return fields;
}

function unescapeHtml(text: string): string {
  return text
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}
