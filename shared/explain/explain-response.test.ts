import { describe, expect, it } from 'vitest';

import type { HeaderList } from '../api.ts';
import { explainResponse } from './explain-response.ts';
import type { ExplainableResult, ExplainContext } from './types.ts';

const BASE = 'http://127.0.0.1:4101';
const MY_ID = '1588987262754234368';
const PROBLEMS = 'https://api.twitter.com/2/problems/';
/** 2025-01-15T12:00:00Z */
const NOW_MS = Date.UTC(2025, 0, 15, 12, 0, 0);

function context(overrides: Partial<ExplainContext> = {}): ExplainContext {
  return {
    requestId: 'follow',
    authType: 'oauth1',
    environmentKind: 'custom',
    unsetCredentials: [],
    authenticatedUserId: MY_ID,
    receivedAtMs: NOW_MS,
    timeZone: 'UTC',
    ...overrides,
  };
}

function result(status: number, body: unknown, headers: HeaderList = [], sent: Partial<ExplainableResult['request']> = {}): ExplainableResult {
  return {
    request: {
      method: 'POST',
      url: `${BASE}/2/users/${MY_ID}/following`,
      headers: [],
      body: '{"target_user_id":"2244994945"}',
      ...sent,
    },
    response: {
      status,
      statusText: status === 200 ? 'OK' : 'Error',
      headers: [['date', new Date(NOW_MS).toUTCString()], ...headers],
      body: typeof body === 'string' ? body : JSON.stringify(body),
    },
  };
}

const readOnlyProblem = {
  title: 'Forbidden',
  detail: 'Your client app is not configured with the appropriate oauth1 app permissions for this endpoint.',
  type: `${PROBLEMS}oauth1-permissions`,
  status: 403,
};

const notEnrolledProblem = {
  client_id: '12345678',
  detail: 'When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project.',
  registration_url: 'https://developer.x.com/en/portal/product',
  title: 'Client Forbidden',
  required_enrollment: 'Appropriate Level of API Access',
  reason: 'client-not-enrolled',
  type: `${PROBLEMS}client-forbidden`,
};

const unsupportedAuthenticationProblem = {
  title: 'Unsupported Authentication',
  detail: 'Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context].',
  type: `${PROBLEMS}unsupported-authentication`,
  status: 403,
};

function invalidRequest(parameter: string, value: string, message: string) {
  return {
    errors: [{ parameters: { [parameter]: [value] }, message }],
    title: 'Invalid Request',
    detail: 'One or more parameters to your request was invalid.',
    type: `${PROBLEMS}invalid-request`,
  };
}

function resourceError(title: string, detail: string, value: string) {
  return {
    errors: [{ value, detail, title, resource_type: 'user', parameter: 'target_user_id', resource_id: value, type: `${PROBLEMS}resource-not-found` }],
  };
}

describe('explainResponse', () => {
  describe('403 oauth1-permissions', () => {
    const explanation = explainResponse(result(403, readOnlyProblem), context());

    it('says the app is read-only', () => {
      expect(explanation.title).toBe('The app is read-only');
      expect(explanation.tone).toBe('error');
    });

    it('tells to set Read and write, then regenerate the token', () => {
      expect(explanation.steps[0]).toContain('set "App permissions" to Read and write');
      expect(explanation.steps[1]).toContain('Regenerate the access token and secret');
      expect(explanation.steps[1]).toContain('Old tokens keep the permission level');
    });

    it("shows X's title and detail as received", () => {
      expect(explanation.received).toEqual({ title: 'Forbidden', detail: readOnlyProblem.detail, type: readOnlyProblem.type });
    });

    it('offers the portal and the environment', () => {
      expect(explanation.actions.map((action) => action.kind)).toEqual(['open-portal-url', 'open-environment']);
    });

    it('points at Reset sandbox in the sandbox', () => {
      const sandbox = explainResponse(result(403, readOnlyProblem), context({ environmentKind: 'sandbox' }));

      expect(sandbox.steps.at(-1)).toContain('"Read-only app" scenario');
      expect(sandbox.actions.map((action) => action.kind)).toEqual(['open-sandbox-scenarios', 'open-environment']);
    });

    it('matches the problem type of the newer api.x.com host', () => {
      const newer = explainResponse(result(403, { ...readOnlyProblem, type: 'https://api.x.com/2/problems/oauth1-permissions' }), context());

      expect(newer.title).toBe('The app is read-only');
    });
  });

  describe('403 client-forbidden', () => {
    const explanation = explainResponse(result(403, notEnrolledProblem), context());

    it('says the app must be attached to a Project', () => {
      expect(explanation.title).toBe('The app is not attached to a Project');
      expect(explanation.cause).toContain('The app 12345678 is not attached to a Project');
    });

    it('links the registration URL from the body', () => {
      expect(explanation.actions).toEqual([
        { kind: 'open-portal-url', label: 'Open the registration page', url: 'https://developer.x.com/en/portal/product' },
      ]);
    });

    it('matches on reason client-not-enrolled alone', () => {
      const reasonOnly = explainResponse(result(403, { ...notEnrolledProblem, type: 'about:blank' }), context());

      expect(reasonOnly.title).toBe('The app is not attached to a Project');
    });

    it('ignores a registration URL that is not https', () => {
      const hostile = explainResponse(result(403, { ...notEnrolledProblem, registration_url: 'javascript:alert(1)' }), context());

      expect(hostile.actions).toEqual([
        { kind: 'open-portal-url', label: 'Open the X developer portal', url: 'https://developer.x.com/en/portal/dashboard' },
      ]);
    });
  });

  describe('403 unsupported-authentication', () => {
    const explanation = explainResponse(result(403, unsupportedAuthenticationProblem), context({ authType: 'app-only' }));

    it('names the auth types the endpoint accepts', () => {
      expect(explanation.title).toBe('This endpoint does not accept App-only Bearer');
      expect(explanation.cause).toContain('accepts only OAuth 1.0a User Context and OAuth 2.0 User Context');
    });

    it('offers a switch to each accepted auth type', () => {
      expect(explanation.actions).toEqual([
        { kind: 'switch-auth', label: 'Use OAuth 1.0a User Context', authType: 'oauth1' },
        { kind: 'switch-auth', label: 'Use OAuth 2.0 User Context (PKCE)', authType: 'oauth2' },
      ]);
    });
  });

  describe('400 invalid-request', () => {
    it('points at the parameter, its value and the rule', () => {
      const explanation = explainResponse(
        result(400, invalidRequest('id', '3456 ', 'The `id` query parameter value [3456 ] is not valid')),
        context({ requestId: 'following' }),
      );

      expect(explanation.title).toBe('The parameter id is not valid');
      expect(explanation.steps[0]).toBe('id: got "3456 ". The `id` query parameter value [3456 ] is not valid');
      expect(explanation.actions).toEqual([]);
    });

    it('offers "Use my ID" when the ID must be the authenticating user', () => {
      const explanation = explainResponse(
        result(
          400,
          invalidRequest('id', '2244994945', `The \`id\` query parameter value [2244994945] must be the same as the authenticating user [${MY_ID}]`),
        ),
        context({ authenticatedUserId: null }),
      );

      expect(explanation.cause).toContain("must be the ID of the token's owner");
      expect(explanation.actions).toEqual([{ kind: 'use-my-id', label: `Use my ID (${MY_ID})`, field: 'pathVariables.id', userId: MY_ID }]);
    });

    it('maps source_user_id of unfollow to its path variable', () => {
      const explanation = explainResponse(
        result(400, invalidRequest('source_user_id', '1', `The \`source_user_id\` query parameter value [1] must be the same as the authenticating user [${MY_ID}]`)),
        context({ requestId: 'unfollow' }),
      );

      expect(explanation.actions[0]).toMatchObject({ kind: 'use-my-id', field: 'pathVariables.source_user_id' });
    });
  });

  describe('200 with errors[]', () => {
    it('says that the target does not exist and that 200 is not success', () => {
      const explanation = explainResponse(result(200, resourceError('Not Found Error', 'Could not find user with target_user_id: [42].', '42')), context());

      expect(explanation.tone).toBe('warning');
      expect(explanation.title).toBe('The target user does not exist');
      expect(explanation.cause).toContain('The call reached X');
      expect(explanation.cause).toContain('The status code alone is not success');
      expect(explanation.received?.detail).toBe('Could not find user with target_user_id: [42].');
    });

    it('says that the target is suspended', () => {
      const explanation = explainResponse(
        result(200, resourceError('Forbidden', 'User has been suspended: [1364275610764201984].', '1364275610764201984')),
        context(),
      );

      expect(explanation.title).toBe('The target account is suspended');
      expect(explanation.cause).toContain('the user 1364275610764201984 (target_user_id) is suspended');
    });

    it('says that you cannot follow yourself', () => {
      const explanation = explainResponse(result(200, resourceError('Not Found Error', `Could not find user with target_user_id: [${MY_ID}].`, MY_ID)), context());

      expect(explanation.title).toBe('You cannot follow yourself');
    });
  });

  describe('429', () => {
    const resetSeconds = NOW_MS / 1000 + 500;

    it('gives the reset as local time and seconds left', () => {
      const explanation = explainResponse(
        result(429, { title: 'Too Many Requests', type: 'about:blank', status: 429, detail: 'Too Many Requests' }, [
          ['x-rate-limit-limit', '50'],
          ['x-rate-limit-remaining', '0'],
          ['x-rate-limit-reset', String(resetSeconds)],
        ]),
        context(),
      );

      expect(explanation.title).toBe('Rate limit reached');
      expect(explanation.steps[0]).toBe(`Wait until 12:08:20 (in 8 min 20 s), when the window resets (x-rate-limit-reset: ${resetSeconds}).`);
      expect(explanation.rateLimitReset).toEqual({ epochSeconds: resetSeconds, localResetAtMs: NOW_MS + 500_000, localTime: '12:08:20' });
    });

    it('corrects the countdown by the Date header when the local clock is off', () => {
      const localMs = NOW_MS + 3_600_000;
      const explanation = explainResponse(
        result(429, {}, [
          ['x-rate-limit-limit', '50'],
          ['x-rate-limit-remaining', '0'],
          ['x-rate-limit-reset', String(resetSeconds)],
        ]),
        context({ receivedAtMs: localMs }),
      );

      expect(explanation.rateLimitReset?.localResetAtMs).toBe(localMs + 500_000);
    });

    it('says the reset is unknown without the headers', () => {
      const explanation = explainResponse(result(429, {}), context());

      expect(explanation.rateLimitReset).toBeNull();
      expect(explanation.steps[0]).toContain('X did not say when the window resets');
    });
  });

  describe('success', () => {
    it('explains following', () => {
      const explanation = explainResponse(result(200, { data: { following: true, pending_follow: false } }), context());

      expect(explanation.title).toBe('Following');
      expect(explanation.cause).toContain('Now following 2244994945');
    });

    it('explains pending_follow and offers to accept in the sandbox', () => {
      const explanation = explainResponse(
        result(200, { data: { following: false, pending_follow: true } }),
        context({ environmentKind: 'sandbox' }),
      );

      expect(explanation.title).toBe('Follow request pending');
      expect(explanation.cause).toContain('The account is protected');
      expect(explanation.cause).toContain('until the person accepts it');
      expect(explanation.actions).toEqual([{ kind: 'open-sandbox-scenarios', label: 'Accept or decline as that user' }]);
    });

    it('explains pending_follow without actions outside the sandbox', () => {
      const explanation = explainResponse(result(200, { data: { following: false, pending_follow: true } }), context());

      expect(explanation.steps[0]).toContain('Wait for the person to accept');
      expect(explanation.actions).toEqual([]);
    });

    it('explains not following after an unfollow', () => {
      const explanation = explainResponse(
        result(200, { data: { following: false } }, [], { method: 'DELETE', url: `${BASE}/2/users/${MY_ID}/following/2244994945`, body: null }),
        context({ requestId: 'unfollow' }),
      );

      expect(explanation.title).toBe('Not following');
      expect(explanation.cause).toContain('No longer following 2244994945');
    });
  });

  it('falls back to the one-line meaning for other statuses', () => {
    const explanation = explainResponse(result(503, 'upstream down'), context());

    expect(explanation.title).toBe('503 Error');
    expect(explanation.cause).toBe('503 Error: the response is not JSON');
    expect(explanation.steps[0]).toContain('Wait a moment and send again');
  });
});
