import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { PORTAL_CSP } from '../portal.ts';
import { SEEDED_USER_IDS } from '../seed.ts';
import { APP_NAMES, SandboxHarness, sendRaw, TEST_START_MS, type TestResponse } from '../test-harness.ts';

import { DEFAULT_REDIRECT_URI } from './clients.ts';
import { CONSENT_TOKEN_LIFETIME_MS } from './consent-tokens.ts';
import { OAuth2TestClient, readHiddenInputs, RFC7636_VERIFIER } from './test-oauth2-client.ts';

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

/** Returns the redirect's query parameters, after checking that it goes to the registered callback. */
function redirectParameters(response: TestResponse): Record<string, string> {
  expect(response.status).toBe(302);
  const location = new URL(String(response.headers.location));
  expect(`${location.origin}${location.pathname}`).toBe(DEFAULT_REDIRECT_URI);

  return Object.fromEntries(location.searchParams);
}

function expectErrorPage(response: TestResponse, message: string): void {
  expect(response.status).toBe(400);
  expect(response.headers.location).toBeUndefined();
  expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(response.headers['content-security-policy']).toBe(PORTAL_CSP);
  expect(response.text).toContain('<h1>Authorization failed</h1>');
  expect(response.text).toContain(message);
}

describe('GET /i/oauth2/authorize', () => {
  describe('with a valid request', () => {
    it('shows the consent page', async () => {
      const response = await oauth.getAuthorize(oauth.authorizeParameters());

      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.text).toContain('<h1>Authorize Workbench Sandbox App to access your account?</h1>');
      expect(response.text).toContain('<li>Follow and unfollow accounts for you <span class="note">(follows.write)</span></li>');
      expect(response.text).toContain('<label for="user_id">Sign in as</label>');
      expect(response.text).toContain('<button type="submit" class="approve" name="decision" value="approve">Authorize app</button>');
      expect(response.text).toContain('<button type="submit" class="deny" name="decision" value="deny">Cancel</button>');
    });

    it('has no script and a strict CSP', async () => {
      const response = await oauth.getAuthorize(oauth.authorizeParameters());

      expect(response.text).not.toMatch(/<script/i);
      expect(response.text).not.toMatch(/\son[a-z]+=/i);
      expect(response.headers['content-security-policy']).toBe(PORTAL_CSP);
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['referrer-policy']).toBe('same-origin');
    });

    it('offers every user except suspended ones', async () => {
      const response = await oauth.getAuthorize(oauth.authorizeParameters());

      expect(response.text).toContain(`<option value="${SEEDED_USER_IDS.workbenchDev}">@workbench_dev (Workbench Developer)</option>`);
      expect(response.text).toContain(`<option value="${SEEDED_USER_IDS.protectedPat}">@protected_pat (Pat Protected)</option>`);
      expect(response.text).not.toContain(SEEDED_USER_IDS.suspendedSam);
      expect(response.text).not.toContain('@suspended_sam');
    });

    it('escapes a malicious state', async () => {
      const state = `"><script>alert(1)</script><img src=x onerror=alert(2)>'&`;
      const response = await oauth.getAuthorize(oauth.authorizeParameters({ state }));

      expect(response.status).toBe(200);
      expect(response.text).not.toContain('<script>');
      expect(response.text).not.toContain('<img');
      expect(response.text).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&#39;&amp;"');
      expect(readHiddenInputs(response.text).state).toBe(state);
    });

    it('repeats the request in hidden inputs', async () => {
      const parameters = oauth.authorizeParameters({ scope: 'users.read  tweet.read' });
      const fields = readHiddenInputs((await oauth.getAuthorize(parameters)).text);

      expect(fields).toEqual({ ...parameters, consent_token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    });
  });

  describe('with a bad client_id or redirect_uri', () => {
    it('shows an error page for an unknown client_id', async () => {
      const response = await oauth.getAuthorize({ ...oauth.authorizeParameters(), client_id: 'unknown-client' });

      expectErrorPage(response, 'No sandbox app has the client_id &quot;unknown-client&quot;.');
    });

    it('shows an error page for a missing client_id', async () => {
      const { client_id: _omitted, ...parameters } = oauth.authorizeParameters();

      expectErrorPage(await oauth.getAuthorize(parameters), 'The parameter client_id is missing.');
    });

    it('shows an error page for an unregistered redirect_uri', async () => {
      const response = await oauth.getAuthorize(oauth.authorizeParameters({ redirectUri: 'http://127.0.0.1:4000/oauth2/callback/' }));

      expectErrorPage(
        response,
        'The redirect_uri &quot;http://127.0.0.1:4000/oauth2/callback/&quot; is not registered for Workbench Sandbox App. It must equal one of these exactly: http://127.0.0.1:4000/oauth2/callback.',
      );
    });

    it('shows an error page for a missing redirect_uri', async () => {
      const { redirect_uri: _omitted, ...parameters } = oauth.authorizeParameters();

      expectErrorPage(await oauth.getAuthorize(parameters), 'The parameter redirect_uri is missing.');
    });

    it('accepts a redirect_uri registered later', async () => {
      const callback = 'http://localhost:4999/oauth2/callback?from=test';
      harness.sandbox.registerRedirectUri(oauth.app().oauth2.clientId, callback);

      const location = await oauth.consent({ redirectUri: callback, state: 's1' });

      expect(location.origin + location.pathname).toBe('http://localhost:4999/oauth2/callback');
      expect(location.searchParams.get('from')).toBe('test');
      expect(location.searchParams.get('state')).toBe('s1');
    });
  });

  describe('with other bad parameters', () => {
    it.each([
      ['an unknown scope', { scope: 'tweet.read follows.manage' }, 'invalid_scope', 'Unknown scope "follows.manage".'],
      ['no scope', { scope: ' ' }, 'invalid_request', 'The parameter scope is missing.'],
      ['no code_challenge', { code_challenge: '' }, 'invalid_request', 'The parameter code_challenge is missing.'],
      ['no code_challenge_method', { code_challenge_method: '' }, 'invalid_request', 'The parameter code_challenge_method is missing.'],
      ['a lower-case s256', { code_challenge_method: 's256' }, 'invalid_request', 'code_challenge_method must be S256 or plain; got "s256".'],
      ['a short S256 challenge', { code_challenge: 'abc' }, 'invalid_request', 'The code_challenge is invalid'],
      ['a plain challenge with a space', { code_challenge: `${RFC7636_VERIFIER} x`, code_challenge_method: 'plain' }, 'invalid_request', 'a plain code_challenge must be'],
      ['response_type token', { response_type: 'token' }, 'unsupported_response_type', 'response_type must be code; got "token".'],
      ['a 501-character state', { state: 'x'.repeat(501) }, 'invalid_request', 'state must be at most 500 characters; got 501.'],
    ])('redirects with an error for %s', async (_case, override, error, description) => {
      const parameters: Record<string, string> = { ...oauth.authorizeParameters(), ...override };
      const query = redirectParameters(await oauth.getAuthorize(parameters));

      expect(query.error).toBe(error);
      expect(query.error_description).toContain(description);
      expect(query.state).toBe(parameters.state);
      expect(query.code).toBeUndefined();
    });

    it('redirects without state when state is missing', async () => {
      const { state: _omitted, ...parameters } = oauth.authorizeParameters();
      const query = redirectParameters(await oauth.getAuthorize(parameters));

      expect(query).toEqual({ error: 'invalid_request', error_description: expect.stringContaining('The parameter state is missing.') });
    });

    it('rejects write scopes for a read-only app', async () => {
      const query = redirectParameters(await oauth.getAuthorize(oauth.authorizeParameters({ app: APP_NAMES.readOnly })));

      expect(query.error).toBe('invalid_scope');
      expect(query.error_description).toBe(
        'Read-only Sandbox App has read-only permission, so it cannot be granted follows.write. Remove those scopes or use a read-write app.',
      );
    });

    it('rejects a repeated parameter', async () => {
      const parameters = oauth.authorizeParameters();
      const response = await sendRaw(harness.port, {
        method: 'GET',
        target: `/i/oauth2/authorize?${new URLSearchParams(parameters).toString()}&scope=tweet.read`,
      });
      const query = redirectParameters(response);

      expect(query.error).toBe('invalid_request');
      expect(query.error_description).toBe('The parameter scope was sent more than once. Send each parameter once.');
    });
  });
});

describe('POST /i/oauth2/authorize', () => {
  it('redirects with the state and a code on approval', async () => {
    const location = await oauth.consent({ state: 'opaque/state value+1' });

    expect(location.origin + location.pathname).toBe(DEFAULT_REDIRECT_URI);
    expect([...location.searchParams.keys()]).toEqual(['state', 'code']);
    expect(location.searchParams.get('state')).toBe('opaque/state value+1');
    expect(location.searchParams.get('code')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('redirects with access_denied on cancel', async () => {
    const location = await oauth.consent({ decision: 'deny', state: 'deny-state' });

    expect(Object.fromEntries(location.searchParams)).toEqual({
      error: 'access_denied',
      error_description: 'The user cancelled the authorization.',
      state: 'deny-state',
    });
  });

  it('accepts each consent page once', async () => {
    const fields = await oauth.openConsentPage();
    const form = { ...fields, user_id: SEEDED_USER_IDS.workbenchDev, decision: 'approve' };

    const first = await oauth.postConsent(form);
    const second = await oauth.postConsent(form);

    expect(first.status).toBe(302);
    expectErrorPage(second, 'This consent page expired, was already used or was changed.');
  });

  it('rejects a consent page after ten minutes', async () => {
    const fields = await oauth.openConsentPage();
    harness.advanceSeconds(CONSENT_TOKEN_LIFETIME_MS / 1000);

    const response = await oauth.postConsent({ ...fields, user_id: SEEDED_USER_IDS.workbenchDev, decision: 'approve' });

    expectErrorPage(response, 'This consent page expired, was already used or was changed.');
  });

  it('rejects a form without the consent token', async () => {
    const { consent_token: _omitted, ...fields } = await oauth.openConsentPage();

    const response = await oauth.postConsent({ ...fields, user_id: SEEDED_USER_IDS.workbenchDev, decision: 'approve' });

    expectErrorPage(response, 'This consent page expired, was already used or was changed.');
  });

  it('rejects changed request parameters', async () => {
    const fields = await oauth.openConsentPage({ scope: 'tweet.read users.read' });

    const response = await oauth.postConsent({ ...fields, scope: 'tweet.read users.read follows.write', user_id: SEEDED_USER_IDS.workbenchDev, decision: 'approve' });

    expectErrorPage(response, 'This consent page expired, was already used or was changed.');
  });

  it('rejects a post from another origin', async () => {
    const fields = await oauth.openConsentPage();

    const response = await oauth.postConsent(
      { ...fields, user_id: SEEDED_USER_IDS.workbenchDev, decision: 'approve' },
      { origin: 'http://evil.example' },
    );

    expect(response.status).toBe(403);
    expect(response.headers.location).toBeUndefined();
    expect(response.text).toContain('The consent form was sent from another origin (http://evil.example).');
  });

  it('rejects a suspended user', async () => {
    const fields = await oauth.openConsentPage();

    const response = await oauth.postConsent({ ...fields, user_id: SEEDED_USER_IDS.suspendedSam, decision: 'approve' });

    expectErrorPage(response, `The form field user_id must be the ID of a sandbox user who is not suspended; got &quot;${SEEDED_USER_IDS.suspendedSam}&quot;.`);
  });

  it('rejects an unknown decision', async () => {
    const fields = await oauth.openConsentPage();

    const response = await oauth.postConsent({ ...fields, user_id: SEEDED_USER_IDS.workbenchDev, decision: 'maybe' });

    expectErrorPage(response, 'The form field decision must be approve or deny; got &quot;maybe&quot;.');
  });

  it('validates the request again', async () => {
    const fields = await oauth.openConsentPage();

    const response = await oauth.postConsent({ ...fields, redirect_uri: 'http://evil.example/callback', user_id: SEEDED_USER_IDS.workbenchDev, decision: 'approve' });

    expectErrorPage(response, 'The redirect_uri &quot;http://evil.example/callback&quot; is not registered');
  });
});
