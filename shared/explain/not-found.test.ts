import { describe, expect, it } from 'vitest';

import { explainResponse } from './explain-response.ts';
import type { ExplainableResult, ExplainContext } from './types.ts';

const SANDBOX = 'http://127.0.0.1:4101';
const NOW_MS = Date.UTC(2025, 0, 15, 12, 0, 0);

function context(overrides: Partial<ExplainContext> = {}): ExplainContext {
  return {
    requestId: 'imported-request',
    authType: 'app-only',
    environmentKind: 'custom',
    unsetCredentials: [],
    authenticatedUserId: null,
    receivedAtMs: NOW_MS,
    timeZone: 'UTC',
    ...overrides,
  };
}

function notFound(url: string, body: string, method = 'GET'): ExplainableResult {
  return {
    request: { method, url, headers: [], body: null },
    response: { status: 404, statusText: 'Not Found', headers: [['content-type', 'application/problem+json']], body },
  };
}

const SANDBOX_ME_BODY = JSON.stringify({
  title: 'Not Found Error',
  type: 'about:blank',
  status: 404,
  detail: 'GET /2/me is not an X API v2 endpoint. X documents the authenticated user lookup as GET /2/users/me, so change the path to /2/users/me.',
});

describe('explainResponse for a 404', () => {
  describe('at /2/me', () => {
    const explanation = explainResponse(notFound(`${SANDBOX}/2/me?user.fields=id`, SANDBOX_ME_BODY), context({ environmentKind: 'sandbox' }));

    it('names /2/users/me as the documented path', () => {
      expect(explanation.title).toBe('/2/me is not an X API v2 endpoint');
      expect(explanation.cause).toBe(
        'X has no endpoint at GET /2/me. The authenticated user lookup is GET /2/users/me, although X\'s newer Postman collection sends its "Authenticated User Lookup" to /2/me.',
      );
      expect(explanation.steps[0]).toBe('Change the path to /2/users/me and send again.');
    });

    it('shows the received detail', () => {
      expect(explanation.tone).toBe('error');
      expect(explanation.received).toEqual({
        title: 'Not Found Error',
        detail: 'GET /2/me is not an X API v2 endpoint. X documents the authenticated user lookup as GET /2/users/me, so change the path to /2/users/me.',
        type: 'about:blank',
      });
    });
  });

  describe('at any other path', () => {
    it('says to check the method and path', () => {
      const explanation = explainResponse(notFound('https://api.x.com/2/users/by/usernames', '{"title":"Not Found Error","detail":"Sorry, that page does not exist."}'), context());

      expect(explanation.title).toBe('Not an X API v2 endpoint');
      expect(explanation.cause).toBe('X found no endpoint for GET /2/users/by/usernames, so the method or the path is not one of the X API v2 endpoints.');
      expect(explanation.steps).toEqual([
        'Check the path for a typo, a missing /2/ prefix or a :variable that was left in it, and check the method.',
        "Compare the method and path with the endpoint in X's API reference, then send again.",
      ]);
      expect(explanation.received).toEqual({ title: 'Not Found Error', detail: 'Sorry, that page does not exist.', type: null });
    });

    it('gives no /2/me hint for /2/users/me', () => {
      const explanation = explainResponse(notFound(`${SANDBOX}/2/users/me`, '{}', 'PUT'), context());

      expect(explanation.title).toBe('Not an X API v2 endpoint');
      expect(explanation.cause).toContain('PUT /2/users/me');
      expect(explanation.steps.join(' ')).not.toContain('Change the path to /2/users/me');
    });

    it('adds the sandbox scope in the sandbox', () => {
      const explanation = explainResponse(notFound(`${SANDBOX}/2/tweets`, '{"title":"Not Found Error"}'), context({ environmentKind: 'sandbox' }));

      expect(explanation.steps.at(-1)).toBe('The sandbox implements only the Follows and User Lookup endpoints. The detail below lists them.');
    });

    it('explains a body that is not JSON', () => {
      const explanation = explainResponse(notFound('https://api.x.com/2/user/me', '<html>Not Found</html>'), context());

      expect(explanation.title).toBe('Not an X API v2 endpoint');
      expect(explanation.received).toBeNull();
    });
  });
});
