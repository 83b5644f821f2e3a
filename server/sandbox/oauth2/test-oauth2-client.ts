/** Test helpers: an OAuth 2.0 client that walks the sandbox's consent page and token endpoint over HTTP. */
import type { SandboxApp } from '../../../shared/sandbox-portal.ts';

import { SEEDED_USER_IDS } from '../seed.ts';
import { APP_NAMES, sendRaw, type SandboxHarness, type TestResponse } from '../test-harness.ts';

import { DEFAULT_REDIRECT_URI } from './clients.ts';
import type { TokenResponseBody } from './token-grants.ts';

/** The code verifier and S256 challenge of RFC 7636 appendix B. */
export const RFC7636_VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
export const RFC7636_S256_CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

export const FOLLOW_SCOPES = 'tweet.read users.read follows.read follows.write offline.access';

export interface AuthorizeOptions {
  app?: string;
  scope?: string;
  state?: string;
  redirectUri?: string;
  codeChallenge?: string;
  codeChallengeMethod?: string;
}

export interface ConsentOptions extends AuthorizeOptions {
  userId?: string;
  decision?: 'approve' | 'deny';
}

export class OAuth2TestClient {
  constructor(readonly harness: SandboxHarness) {}

  app(appName: string = APP_NAMES.readWrite): SandboxApp {
    const app = this.harness.portal.apps.find((candidate) => candidate.name === appName);
    if (!app) {
      throw new Error(`no seeded app "${appName}"`);
    }

    return app;
  }

  authorizeParameters(options: AuthorizeOptions = {}): Record<string, string> {
    return {
      response_type: 'code',
      client_id: this.app(options.app).oauth2.clientId,
      redirect_uri: options.redirectUri ?? DEFAULT_REDIRECT_URI,
      scope: options.scope ?? FOLLOW_SCOPES,
      state: options.state ?? 'state-123',
      code_challenge: options.codeChallenge ?? RFC7636_S256_CHALLENGE,
      code_challenge_method: options.codeChallengeMethod ?? 'S256',
    };
  }

  /** Sends GET /i/oauth2/authorize with exactly these query parameters. */
  getAuthorize(parameters: Record<string, string>): Promise<TestResponse> {
    return sendRaw(this.harness.port, { method: 'GET', target: `/i/oauth2/authorize?${new URLSearchParams(parameters).toString()}` });
  }

  postConsent(form: Record<string, string>, headers: Record<string, string> = {}): Promise<TestResponse> {
    return sendRaw(this.harness.port, {
      method: 'POST',
      target: '/i/oauth2/authorize',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: `http://127.0.0.1:${this.harness.port}`, ...headers },
      body: new URLSearchParams(form).toString(),
    });
  }

  /** Opens the consent page and returns its form fields as the browser would send them, without the decision. */
  async openConsentPage(options: AuthorizeOptions = {}): Promise<Record<string, string>> {
    const page = await this.getAuthorize(this.authorizeParameters(options));
    if (page.status !== 200) {
      throw new Error(`the consent page failed with HTTP ${page.status}: ${page.text.slice(0, 300)}`);
    }

    return readHiddenInputs(page.text);
  }

  /** Walks the consent page and returns the redirect's Location. */
  async consent(options: ConsentOptions = {}): Promise<URL> {
    const fields = await this.openConsentPage(options);
    const response = await this.postConsent({
      ...fields,
      user_id: options.userId ?? SEEDED_USER_IDS.workbenchDev,
      decision: options.decision ?? 'approve',
    });
    if (response.status !== 302) {
      throw new Error(`the consent form failed with HTTP ${response.status}: ${response.text.slice(0, 300)}`);
    }

    return new URL(String(response.headers.location));
  }

  /** Approves and returns the authorization code from the redirect. */
  async authorizationCode(options: ConsentOptions = {}): Promise<string> {
    const code = (await this.consent(options)).searchParams.get('code');
    if (code === null) {
      throw new Error('the redirect carries no code');
    }

    return code;
  }

  /** Sends POST /2/oauth2/token (or another path) with Basic authentication for confidential apps unless `authorization` is given. */
  token(form: Record<string, string>, options: { app?: string; authorization?: string | null; path?: string } = {}): Promise<TestResponse> {
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    const authorization = options.authorization === undefined ? this.basicAuthorization(options.app) : options.authorization;
    if (authorization !== null) {
      headers.authorization = authorization;
    }

    return sendRaw(this.harness.port, { method: 'POST', target: options.path ?? '/2/oauth2/token', headers, body: new URLSearchParams(form).toString() });
  }

  revoke(form: Record<string, string>, options: { app?: string; authorization?: string | null } = {}): Promise<TestResponse> {
    return this.token(form, { ...options, path: '/2/oauth2/revoke' });
  }

  /** Returns `Basic base64(client_id:client_secret)` for a confidential app, or null for a public one. */
  basicAuthorization(appName: string = APP_NAMES.readWrite): string | null {
    const client = this.app(appName).oauth2;
    if (client.clientSecret === null) {
      return null;
    }

    return `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`;
  }

  exchangeCode(code: string, options: { app?: string; verifier?: string; redirectUri?: string } = {}): Promise<TestResponse> {
    const app = this.app(options.app);
    const form: Record<string, string> = {
      grant_type: 'authorization_code',
      code,
      redirect_uri: options.redirectUri ?? DEFAULT_REDIRECT_URI,
      code_verifier: options.verifier ?? RFC7636_VERIFIER,
    };
    if (app.oauth2.clientType === 'public') {
      form.client_id = app.oauth2.clientId;
    }

    return this.token(form, { app: app.name });
  }

  /** Runs the whole flow and returns the token response body. */
  async obtainTokens(options: ConsentOptions = {}): Promise<TokenResponseBody> {
    const code = await this.authorizationCode(options);
    const response = await this.exchangeCode(code, options.app === undefined ? {} : { app: options.app });
    if (response.status !== 200) {
      throw new Error(`the code exchange failed with HTTP ${response.status}: ${response.text}`);
    }

    return response.json as TokenResponseBody;
  }
}

/** Reads the hidden inputs of the consent form, decoding the HTML escapes that the page applies. */
export function readHiddenInputs(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields[match[1]!] = decodeHtml(match[2]!);
  }

  return fields;
}

function decodeHtml(value: string): string {
  return value.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
}
