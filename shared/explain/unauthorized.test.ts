import { describe, expect, it } from 'vitest';

import type { HeaderList } from '../api.ts';
import { explainResponse } from './explain-response.ts';
import type { ExplainableResult, ExplainCheck, ExplainContext } from './types.ts';

const URL_SENT = 'https://api.x.com/2/users/1588987262754234368/following';
/** 2025-01-15T12:00:00Z */
const NOW_MS = Date.UTC(2025, 0, 15, 12, 0, 0);
const UNAUTHORIZED = { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' };

function context(overrides: Partial<ExplainContext> = {}): ExplainContext {
  return {
    requestId: 'follow',
    authType: 'oauth1',
    environmentKind: 'custom',
    unsetCredentials: [],
    authenticatedUserId: '1588987262754234368',
    receivedAtMs: NOW_MS,
    timeZone: 'UTC',
    ...overrides,
  };
}

function authorization(timestampSeconds: number): string {
  return `OAuth oauth_consumer_key="[redacted]", oauth_nonce="abc", oauth_signature="[redacted]", oauth_signature_method="HMAC-SHA1", oauth_timestamp="${timestampSeconds}", oauth_token="[redacted]", oauth_version="1.0"`;
}

function unauthorized(options: { signedAtMs?: number; serverMs?: number; headers?: HeaderList; signedBaseUrl?: string } = {}): ExplainableResult {
  const signedAtMs = options.signedAtMs ?? NOW_MS;
  return {
    request: { method: 'POST', url: URL_SENT, headers: [['Authorization', authorization(Math.floor(signedAtMs / 1000))]], body: '{}' },
    response: {
      status: 401,
      statusText: 'Unauthorized',
      headers: [['date', new Date(options.serverMs ?? NOW_MS).toUTCString()], ...(options.headers ?? [])],
      body: JSON.stringify(UNAUTHORIZED),
    },
    signature: { baseUrl: options.signedBaseUrl ?? URL_SENT },
  };
}

function check(checks: ExplainCheck[], id: ExplainCheck['id']): ExplainCheck {
  const found = checks.find((candidate) => candidate.id === id);
  if (found === undefined) {
    throw new Error(`no check ${id} in ${JSON.stringify(checks.map((candidate) => candidate.id))}`);
  }
  return found;
}

describe('explainResponse for 401', () => {
  it('lists the checks in order: clock, host, credentials set, same app', () => {
    const explanation = explainResponse(unauthorized(), context());

    expect(explanation.checks.map((candidate) => candidate.id)).toEqual(['clock', 'host', 'credentials-set', 'same-app']);
  });

  it('falls back to the usual cause when every check passes', () => {
    const explanation = explainResponse(unauthorized(), context());

    expect(explanation.title).toBe('X rejected the credentials');
    expect(explanation.cause).toContain('the same 401 body for every authentication failure');
    expect(explanation.received).toEqual({ title: 'Unauthorized', detail: 'Unauthorized', type: 'about:blank' });
  });

  describe('clock', () => {
    it('reports the skew in seconds against the Date header', () => {
      const explanation = explainResponse(unauthorized({ serverMs: NOW_MS + 600_000 }), context());
      const clock = check(explanation.checks, 'clock');

      expect(clock.result).toBe('failed');
      expect(clock.detail).toBe(
        "The request was signed at 12:00:00; the server's Date header says 12:10:00: the local clock is 600 s behind the server's, more than the 300 s that OAuth 1.0a servers commonly allow.",
      );
      expect(explanation.title).toBe('The clocks are too far apart');
    });

    it('passes a skew of a few seconds', () => {
      const explanation = explainResponse(unauthorized({ serverMs: NOW_MS + 2_000 }), context());

      expect(check(explanation.checks, 'clock')).toMatchObject({ result: 'passed' });
      expect(check(explanation.checks, 'clock').detail).toContain('2 s apart');
    });

    it('is unknown without a Date header', () => {
      const result = unauthorized();
      result.response.headers = [];

      expect(check(explainResponse(result, context()).checks, 'clock').result).toBe('unknown');
    });
  });

  describe('host', () => {
    it('fails when the signed URL differs from the sent one', () => {
      const explanation = explainResponse(unauthorized({ signedBaseUrl: 'https://api.twitter.com/2/users/1588987262754234368/following' }), context());
      const host = check(explanation.checks, 'host');

      expect(host.result).toBe('failed');
      expect(host.detail).toContain('covers https://api.twitter.com/2/users/1588987262754234368/following but the request went to https://api.x.com/');
    });

    it('is unknown without signature details', () => {
      const result = unauthorized();
      delete result.signature;

      expect(check(explainResponse(result, context()).checks, 'host').result).toBe('unknown');
    });
  });

  it('names a credential that was never set', () => {
    const explanation = explainResponse(unauthorized(), context({ unsetCredentials: ['token_secret'] }));

    expect(check(explanation.checks, 'credentials-set')).toMatchObject({ result: 'failed', detail: 'token_secret is not set in the environment.' });
    expect(explanation.steps).toContain('Open the environment and set token_secret.');
  });

  describe('sandbox reason header', () => {
    it('names a token from another app', () => {
      const explanation = explainResponse(unauthorized({ headers: [['x-sandbox-auth-error', 'token_consumer_mismatch']] }), context({ environmentKind: 'sandbox' }));

      expect(explanation.title).toBe('The access token belongs to another app');
      expect(explanation.checks[0]).toMatchObject({ id: 'sandbox-reason', result: 'failed' });
      expect(check(explanation.checks, 'same-app').result).toBe('failed');
    });

    it('says real X sends no reason header', () => {
      const explanation = explainResponse(unauthorized({ headers: [['x-sandbox-auth-error', 'token_consumer_mismatch']] }), context());

      expect(explanation.steps.at(-1)).toContain('Real X does not send it');
    });

    it('passes the same-app check after a signature mismatch', () => {
      const explanation = explainResponse(unauthorized({ headers: [['x-sandbox-auth-error', 'signature_mismatch']] }), context());

      expect(explanation.title).toBe('The signature does not match');
      expect(check(explanation.checks, 'same-app').result).toBe('passed');
    });

    it('explains the clock-skew scenario', () => {
      const explanation = explainResponse(
        unauthorized({ serverMs: NOW_MS + 600_000, headers: [['x-sandbox-auth-error', 'timestamp_out_of_window']] }),
        context({ environmentKind: 'sandbox' }),
      );

      expect(explanation.title).toBe('The clocks are too far apart');
      expect(explanation.steps[0]).toContain('press "Reset sandbox"');
      expect(explanation.actions.map((action) => action.kind)).toEqual(['open-environment', 'open-sandbox-scenarios']);
    });
  });

  it('explains an OAuth 2.0 401 without OAuth 1.0a checks', () => {
    const result = unauthorized();
    result.request.headers = [['Authorization', 'Bearer [redacted]']];
    const explanation = explainResponse(result, context({ authType: 'oauth2' }));

    expect(explanation.checks.map((candidate) => candidate.id)).toEqual(['credentials-set']);
    expect(explanation.title).toBe('X rejected the OAuth 2.0 access token');
    expect(explanation.steps).toContain('Sign in with OAuth 2.0 again on the Authorization tab; the workbench stores the new token for this environment.');
  });
});
