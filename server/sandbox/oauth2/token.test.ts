import { Writable } from 'node:stream';

import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { SEEDED_USER_IDS } from '../seed.ts';
import { APP_NAMES, SandboxHarness, sendRaw, TEST_START_MS, type TestResponse } from '../test-harness.ts';

import { computeS256Challenge } from './pkce.ts';
import { OAuth2TestClient, RFC7636_VERIFIER } from './test-oauth2-client.ts';

let harness: SandboxHarness;
let oauth: OAuth2TestClient;

beforeAll(async () => {
  harness = await SandboxHarness.start();
  oauth = new OAuth2TestClient(harness);
});
afterAll(async () => {
  await harness.close();
});
beforeEach(() => {
  harness.sandbox.reset();
  harness.clock.nowMs = TEST_START_MS;
});

function expectTokenError(response: TestResponse, status: number, error: string, description: string): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(response.headers['cache-control']).toBe('no-store');
  expect(response.json).toEqual({ error, error_description: expect.any(String) });
  expect((response.json as { error_description: string }).error_description).toContain(description);
}

function meWith(accessToken: string): Promise<TestResponse> {
  return harness.withBearer('GET', '/2/users/me', accessToken);
}

describe('POST /2/oauth2/token', () => {
  describe('authorization_code', () => {
    it('issues tokens for an S256 challenge', async () => {
      const code = await oauth.authorizationCode();
      const response = await oauth.exchangeCode(code);

      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers.pragma).toBe('no-cache');
      expect(response.json).toEqual({
        token_type: 'bearer',
        expires_in: 7200,
        access_token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        scope: 'tweet.read users.read follows.read follows.write offline.access',
        refresh_token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      });
    });

    it('issues tokens for a plain challenge', async () => {
      const verifier = 'plain-verifier-with-43-characters-or-more._~';
      const code = await oauth.authorizationCode({ codeChallenge: verifier, codeChallengeMethod: 'plain' });

      const wrong = await oauth.exchangeCode(code, { verifier: `${verifier}x` });
      const right = await oauth.exchangeCode(code, { verifier });

      expectTokenError(wrong, 400, 'invalid_grant', 'The code_verifier does not match the code_challenge (method plain).');
      expect(right.status).toBe(200);
    });

    it('rejects a wrong verifier', async () => {
      const code = await oauth.authorizationCode();
      const otherVerifier = 'a'.repeat(43);
      expect(computeS256Challenge(otherVerifier)).not.toBe(computeS256Challenge(RFC7636_VERIFIER));

      const response = await oauth.exchangeCode(code, { verifier: otherVerifier });

      expectTokenError(response, 400, 'invalid_grant', 'The code_verifier does not match the code_challenge (method S256).');
    });

    it('rejects a malformed verifier', async () => {
      const code = await oauth.authorizationCode();

      const response = await oauth.exchangeCode(code, { verifier: 'too-short' });

      expectTokenError(response, 400, 'invalid_request', 'code_verifier must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~ (RFC 7636 section 4.1); got 9 characters.');
    });

    it('rejects a reused code and revokes its tokens', async () => {
      const code = await oauth.authorizationCode();
      const first = await oauth.exchangeCode(code);
      const { access_token: accessToken, refresh_token: refreshToken } = first.json as { access_token: string; refresh_token: string };
      expect((await meWith(accessToken)).status).toBe(200);

      const second = await oauth.exchangeCode(code);

      expectTokenError(second, 400, 'invalid_grant', 'The code was already used, so the tokens issued for it are revoked too.');
      expect((await meWith(accessToken)).status).toBe(401);
      const refresh = await oauth.token({ grant_type: 'refresh_token', refresh_token: refreshToken });
      expectTokenError(refresh, 400, 'invalid_grant', 'The refresh_token is unknown, revoked or already used.');
    });

    it('rejects a code after 30 seconds', async () => {
      const code = await oauth.authorizationCode();
      harness.advanceSeconds(31);

      const response = await oauth.exchangeCode(code);

      expectTokenError(response, 400, 'invalid_grant', 'The code expired, because codes last 30 seconds after the redirect.');
    });

    it('accepts a code at 29 seconds', async () => {
      const code = await oauth.authorizationCode();
      harness.advanceSeconds(29);

      expect((await oauth.exchangeCode(code)).status).toBe(200);
    });

    it('rejects another redirect_uri', async () => {
      const code = await oauth.authorizationCode();

      const response = await oauth.exchangeCode(code, { redirectUri: 'http://127.0.0.1:4000/other' });

      expectTokenError(
        response,
        400,
        'invalid_grant',
        'redirect_uri must equal the one sent to /i/oauth2/authorize (http://127.0.0.1:4000/oauth2/callback); got "http://127.0.0.1:4000/other".',
      );
    });

    it('rejects an unknown code', async () => {
      expectTokenError(await oauth.exchangeCode('no-such-code'), 400, 'invalid_grant', 'The code is unknown or was issued to another client');
    });

    it("rejects another client's code", async () => {
      const code = await oauth.authorizationCode();

      const response = await oauth.exchangeCode(code, { app: APP_NAMES.unattached });

      expectTokenError(response, 400, 'invalid_grant', 'The code is unknown or was issued to another client than Unattached Sandbox App.');
    });

    it.each([
      ['code', 'The parameter code is missing.'],
      ['redirect_uri', 'The parameter redirect_uri is missing.'],
      ['code_verifier', 'The parameter code_verifier is missing.'],
    ])('rejects a missing %s', async (name, description) => {
      const form: Record<string, string> = { grant_type: 'authorization_code', code: 'c', redirect_uri: 'r', code_verifier: RFC7636_VERIFIER };
      delete form[name];

      expectTokenError(await oauth.token(form), 400, 'invalid_request', description);
    });
  });

  describe('client authentication', () => {
    it('lets a public client send client_id alone', async () => {
      const tokens = await oauth.obtainTokens({ app: APP_NAMES.publicClient });

      expect(tokens.token_type).toBe('bearer');
      expect((await meWith(tokens.access_token)).status).toBe(200);
    });

    it('rejects Basic credentials for a public client', async () => {
      const client = oauth.app(APP_NAMES.publicClient).oauth2;
      const code = await oauth.authorizationCode({ app: APP_NAMES.publicClient });
      const authorization = `Basic ${Buffer.from(`${client.clientId}:anything`).toString('base64')}`;

      const response = await oauth.token(
        { grant_type: 'authorization_code', code, redirect_uri: client.redirectUris[0]!, code_verifier: RFC7636_VERIFIER },
        { authorization },
      );

      expectTokenError(response, 401, 'invalid_client', 'Public PKCE Client is a public client without a secret.');
    });

    it('rejects a confidential client without Basic', async () => {
      const client = oauth.app().oauth2;
      const code = await oauth.authorizationCode();

      const response = await oauth.token(
        { grant_type: 'authorization_code', code, redirect_uri: client.redirectUris[0]!, code_verifier: RFC7636_VERIFIER, client_id: client.clientId },
        { authorization: null },
      );

      expectTokenError(response, 401, 'invalid_client', 'Workbench Sandbox App is a confidential client, so it must authenticate with Authorization: Basic');
      expect(response.headers['www-authenticate']).toBe('Basic realm="X sandbox"');
    });

    it('rejects a wrong client secret', async () => {
      const client = oauth.app().oauth2;
      const authorization = `Basic ${Buffer.from(`${client.clientId}:wrong-secret`).toString('base64')}`;

      const response = await oauth.token({ grant_type: 'authorization_code' }, { authorization });

      expectTokenError(response, 401, 'invalid_client', `The client secret is wrong for client_id ${client.clientId}.`);
      expect(response.text).not.toContain(client.clientSecret!);
    });

    it('rejects client_secret in the body', async () => {
      const client = oauth.app().oauth2;

      const response = await oauth.token({ grant_type: 'authorization_code', client_id: client.clientId, client_secret: client.clientSecret! }, { authorization: null });

      expectTokenError(response, 401, 'invalid_client', 'Send client_secret in the Authorization header, not in the body.');
      expect(response.text).not.toContain(client.clientSecret!);
    });

    it('rejects a request without client authentication', async () => {
      expectTokenError(await oauth.token({ grant_type: 'authorization_code' }, { authorization: null }), 401, 'invalid_client', 'Client authentication is missing.');
    });

    it('rejects a Bearer header', async () => {
      const response = await oauth.token({ grant_type: 'authorization_code' }, { authorization: 'Bearer abc' });

      expectTokenError(response, 401, 'invalid_client', 'The Authorization header must use the Basic scheme.');
    });
  });

  describe('request format', () => {
    it('rejects a JSON body', async () => {
      const response = await harness.withBearer('POST', '/2/oauth2/token', 'ignored', { json: { grant_type: 'authorization_code' } });

      expectTokenError(response, 400, 'invalid_request', 'The body must be application/x-www-form-urlencoded; got application/json.');
    });

    it('rejects a repeated parameter', async () => {
      const response = await sendRaw(harness.port, {
        method: 'POST',
        target: '/2/oauth2/token',
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: oauth.basicAuthorization()! },
        body: 'grant_type=refresh_token&refresh_token=a&refresh_token=b',
      });

      expectTokenError(response, 400, 'invalid_request', 'The parameter refresh_token was sent more than once. Send it once.');
    });

    it('rejects an unsupported grant_type', async () => {
      expectTokenError(await oauth.token({ grant_type: 'password' }), 400, 'unsupported_grant_type', 'grant_type must be authorization_code or refresh_token; got "password".');
      expectTokenError(await oauth.token({ grant_type: 'client_credentials' }), 400, 'unsupported_grant_type', "Use the app's bearer token from the developer portal.");
    });

    it('rejects a missing grant_type', async () => {
      expectTokenError(await oauth.token({}), 400, 'invalid_request', 'The parameter grant_type is missing.');
    });
  });

  describe('refresh_token', () => {
    it('rotates the refresh token', async () => {
      const tokens = await oauth.obtainTokens();

      const refreshed = await oauth.token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token! });
      const reused = await oauth.token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token! });

      expect(refreshed.status).toBe(200);
      const body = refreshed.json as { access_token: string; refresh_token: string; scope: string };
      expect(body.refresh_token).not.toBe(tokens.refresh_token);
      expect(body.access_token).not.toBe(tokens.access_token);
      expect(body.scope).toBe(tokens.scope);
      expectTokenError(reused, 400, 'invalid_grant', 'Refresh tokens rotate: use the one from the latest token response.');
      expect((await oauth.token({ grant_type: 'refresh_token', refresh_token: body.refresh_token })).status).toBe(200);
    });

    it('is not issued without offline.access', async () => {
      const tokens = await oauth.obtainTokens({ scope: 'tweet.read users.read follows.write' });

      expect(tokens.refresh_token).toBeUndefined();
      expect(tokens.scope).toBe('tweet.read users.read follows.write');
      expect(Object.keys(tokens)).toEqual(['token_type', 'expires_in', 'access_token', 'scope']);
    });

    it('narrows the scope on request', async () => {
      const tokens = await oauth.obtainTokens();

      const narrowed = await oauth.token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token!, scope: 'tweet.read users.read' });
      const widened = await oauth.token({
        grant_type: 'refresh_token',
        refresh_token: (narrowed.json as { refresh_token: string }).refresh_token,
        scope: 'tweet.read like.read',
      });

      expect((narrowed.json as { scope: string }).scope).toBe('tweet.read users.read');
      expectTokenError(widened, 400, 'invalid_scope', 'A refresh cannot add scopes: like.read was not granted.');
    });

    it("rejects another client's refresh token", async () => {
      const tokens = await oauth.obtainTokens();

      const response = await oauth.token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token!, client_id: oauth.app(APP_NAMES.publicClient).oauth2.clientId }, { authorization: null });

      expectTokenError(response, 400, 'invalid_grant', 'The refresh_token is unknown, revoked or already used.');
    });
  });
});

describe('POST /2/oauth2/revoke', () => {
  it('revokes an access token', async () => {
    const tokens = await oauth.obtainTokens();
    expect((await meWith(tokens.access_token)).status).toBe(200);

    const response = await oauth.revoke({ token: tokens.access_token, token_type_hint: 'access_token' });

    expect(response.status).toBe(200);
    expect(response.json).toEqual({ revoked: true });
    const after = await meWith(tokens.access_token);
    expect(after.status).toBe(401);
    expect(after.headers['x-sandbox-auth-error']).toBe('unknown_bearer_token');
  });

  it('revokes a refresh token with its access tokens', async () => {
    const tokens = await oauth.obtainTokens();

    await oauth.revoke({ token: tokens.refresh_token! });

    expect((await meWith(tokens.access_token)).status).toBe(401);
    expectTokenError(await oauth.token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token! }), 400, 'invalid_grant', 'revoked');
  });

  it('answers revoked for an unknown token', async () => {
    const response = await oauth.revoke({ token: 'never-issued' });

    expect(response.status).toBe(200);
    expect(response.json).toEqual({ revoked: true });
  });

  it('lets a public client revoke with client_id', async () => {
    const tokens = await oauth.obtainTokens({ app: APP_NAMES.publicClient });

    const response = await oauth.revoke({ token: tokens.access_token, client_id: oauth.app(APP_NAMES.publicClient).oauth2.clientId }, { app: APP_NAMES.publicClient });

    expect(response.status).toBe(200);
    expect((await meWith(tokens.access_token)).status).toBe(401);
  });

  it("keeps another client's token", async () => {
    const tokens = await oauth.obtainTokens();

    const response = await oauth.revoke({ token: tokens.access_token }, { app: APP_NAMES.readOnly });

    expectTokenError(response, 400, 'invalid_grant', 'The token was issued to another client than Read-only Sandbox App.');
    expect((await meWith(tokens.access_token)).status).toBe(200);
  });

  it('rejects an unknown token_type_hint', async () => {
    expectTokenError(await oauth.revoke({ token: 't', token_type_hint: 'id_token' }), 400, 'invalid_request', 'token_type_hint must be access_token or refresh_token; got "id_token".');
  });

  it('needs client authentication', async () => {
    expectTokenError(await oauth.revoke({ token: 't' }, { authorization: null }), 401, 'invalid_client', 'Client authentication is missing.');
  });
});

describe('user bearer tokens', () => {
  it('act as the approving user', async () => {
    const tokens = await oauth.obtainTokens({ userId: SEEDED_USER_IDS.adaBuilds });

    const response = await meWith(tokens.access_token);

    expect(response.status).toBe(200);
    expect(response.json).toEqual({ data: { id: SEEDED_USER_IDS.adaBuilds, name: 'Ada Builder', username: 'ada_builds' } });
  });

  it('expire after two hours', async () => {
    const tokens = await oauth.obtainTokens();
    harness.advanceSeconds(7199);
    expect((await meWith(tokens.access_token)).status).toBe(200);

    harness.advanceSeconds(1);
    const response = await meWith(tokens.access_token);

    expect(response.status).toBe(401);
    expect(response.text).toBe('{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}');
    expect(response.headers['x-sandbox-auth-error']).toBe('access_token_expired');
  });

  it('are forgotten on reset', async () => {
    const tokens = await oauth.obtainTokens();

    harness.sandbox.reset();

    expect((await meWith(tokens.access_token)).status).toBe(401);
  });
});

describe('OAuth 2.0 log lines', () => {
  it('contain no secrets', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const logged = await SandboxHarness.start({ logger: pino({ level: 'debug' }, stream) });
    const client = new OAuth2TestClient(logged);
    try {
      const code = await client.authorizationCode({ state: 'secret-state-value' });
      const tokens = (await client.exchangeCode(code)).json as { access_token: string; refresh_token: string };
      await client.exchangeCode(code);
      await sendRaw(logged.port, {
        method: 'POST',
        target: '/2/oauth2/token',
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: client.basicAuthorization()! },
        body: 'grant_type=authorization_code&code=%zz-broken-code',
      });
      await client.token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
      await client.token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
      await client.revoke({ token: tokens.access_token });
      await logged.withBearer('GET', '/2/users/me', tokens.access_token);
      const secret = client.app().oauth2.clientSecret!;
      await client.token({ grant_type: 'authorization_code' }, { authorization: `Basic ${Buffer.from(`${client.app().oauth2.clientId}:${secret}x`).toString('base64')}` });

      const log = lines.join('');
      expect(log).toContain('OAuth 2.0 token request rejected');
      for (const value of [secret, code, tokens.access_token, tokens.refresh_token, RFC7636_VERIFIER, 'secret-state-value', 'broken-code']) {
        expect(log).not.toContain(value);
      }
    } finally {
      await logged.close();
    }
  });
});
