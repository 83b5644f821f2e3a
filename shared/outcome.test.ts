import { describe, expect, it } from 'vitest';

import { describeOutcome, needsUserContext, type OutcomeInput } from './outcome.ts';

const BASE = 'http://127.0.0.1:4100';

function input(overrides: Partial<OutcomeInput>): OutcomeInput {
  return {
    requestId: 'me',
    status: 200,
    statusText: 'OK',
    body: '{}',
    sentBody: null,
    sentUrl: `${BASE}/2/users/me`,
    ...overrides,
  };
}

const invalidRequestBody = JSON.stringify({
  errors: [{ parameters: { id: ['3456 '] }, message: 'The `id` query parameter value [3456 ] is not valid' }],
  title: 'Invalid Request',
  detail: 'One or more parameters to your request was invalid.',
  type: 'https://api.twitter.com/2/problems/invalid-request',
});

const notFoundBody = JSON.stringify({
  errors: [
    {
      value: 'nobody_here',
      detail: 'Could not find user with username: [nobody_here].',
      title: 'Not Found Error',
      resource_type: 'user',
      parameter: 'username',
      resource_id: 'nobody_here',
      type: 'https://api.twitter.com/2/problems/resource-not-found',
    },
  ],
});

const cases: Array<{ name: string; input: OutcomeInput; tone: string; text: string }> = [
  {
    name: 'follow accepted',
    input: input({
      requestId: 'follow',
      body: '{"data":{"following":true,"pending_follow":false}}',
      sentBody: '{\n  "target_user_id": "2244994945"\n}',
      sentUrl: `${BASE}/2/users/1588987262754234368/following`,
    }),
    tone: 'success',
    text: 'Now following 2244994945',
  },
  {
    name: 'follow with a large target ID',
    input: input({
      requestId: 'follow',
      body: '{"data":{"following":true,"pending_follow":false}}',
      sentBody: '{"target_user_id":"1588987262754234368"}',
    }),
    tone: 'success',
    text: 'Now following 1588987262754234368',
  },
  {
    name: 'follow pending on a protected account',
    input: input({
      requestId: 'follow',
      body: '{"data":{"following":false,"pending_follow":true}}',
      sentBody: '{"target_user_id":"2244994945"}',
    }),
    tone: 'success',
    text: 'Follow request pending: the account is protected, so it must accept before you follow it',
  },
  {
    name: 'follow of a missing user',
    input: input({ requestId: 'follow', body: notFoundBody, sentBody: '{"target_user_id":"1"}' }),
    tone: 'warning',
    text: 'The request reached X, but: Could not find user with username: [nobody_here].',
  },
  {
    name: 'unfollow',
    input: input({
      requestId: 'unfollow',
      body: '{"data":{"following":false}}',
      sentUrl: `${BASE}/2/users/1588987262754234368/following/2244994945`,
    }),
    tone: 'success',
    text: 'No longer following 2244994945',
  },
  {
    name: 'username not found',
    input: input({ requestId: 'user-by-username', body: notFoundBody }),
    tone: 'warning',
    text: 'The request reached X, but: Could not find user with username: [nobody_here].',
  },
  {
    name: 'several errors',
    input: input({
      requestId: 'user-by-username',
      body: '{"errors":[{"detail":"First."},{"detail":"Second."},{"detail":"Third."}]}',
    }),
    tone: 'warning',
    text: 'The request reached X, but: First. (and 2 more errors)',
  },
  {
    name: 'list with a next page',
    input: input({
      requestId: 'following',
      body: '{"data":[{"id":"1","name":"A","username":"a"},{"id":"2","name":"B","username":"b"}],"meta":{"result_count":2,"next_token":"DFEDBNRFT3MHCZZZ"}}',
    }),
    tone: 'success',
    text: '2 users; more pages: use meta.next_token as pagination_token',
  },
  {
    name: 'list with one user',
    input: input({
      requestId: 'followers',
      body: '{"data":[{"id":"1","name":"A","username":"a"}],"meta":{"result_count":1}}',
    }),
    tone: 'success',
    text: '1 user',
  },
  {
    name: 'empty list',
    input: input({ requestId: 'followers', body: '{"meta":{"result_count":0}}' }),
    tone: 'success',
    text: '0 users',
  },
  {
    name: 'authenticated user',
    input: input({
      requestId: 'me',
      body: '{"data":{"id":"1588987262754234368","name":"Dev","username":"XDevelopers"}}',
    }),
    tone: 'success',
    text: '@XDevelopers has ID 1588987262754234368',
  },
  {
    name: 'user by username',
    input: input({
      requestId: 'user-by-username',
      body: '{"data":{"id":"2244994945","name":"Developers","username":"XDevelopers"}}',
    }),
    tone: 'success',
    text: '@XDevelopers has ID 2244994945',
  },
  {
    name: 'invalid request',
    input: input({ requestId: 'following', status: 400, statusText: 'Bad Request', body: invalidRequestBody }),
    tone: 'error',
    text: '400 Invalid Request: The `id` query parameter value [3456 ] is not valid',
  },
  {
    name: 'unauthorized',
    input: input({
      status: 401,
      statusText: 'Unauthorized',
      body: '{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}',
    }),
    tone: 'error',
    text: '401 Unauthorized: X rejected the OAuth 1.0a signature or credentials; check consumer_key, consumer_secret, access_token and token_secret in the environment',
  },
  {
    name: 'rate limited',
    input: input({
      status: 429,
      statusText: 'Too Many Requests',
      body: '{"title":"Too Many Requests","type":"about:blank","status":429,"detail":"Too Many Requests"}',
    }),
    tone: 'error',
    text: '429 Too Many Requests: the rate limit is used up; wait until the time in the x-rate-limit-reset header',
  },
  {
    name: 'read-only app',
    input: input({
      requestId: 'follow',
      status: 403,
      statusText: 'Forbidden',
      body: JSON.stringify({
        title: 'Forbidden',
        type: 'https://api.twitter.com/2/problems/oauth1-permissions',
        status: 403,
        detail: 'Your client app is not configured with the appropriate oauth1 app permissions for this endpoint.',
      }),
    }),
    tone: 'error',
    text: '403 Forbidden: Your client app is not configured with the appropriate oauth1 app permissions for this endpoint. (set the app to Read and Write in the developer portal, then regenerate the access token and secret)',
  },
  {
    name: 'app-only bearer on follow',
    input: input({
      requestId: 'follow',
      status: 403,
      statusText: 'Forbidden',
      authType: 'app-only',
      body: JSON.stringify({
        title: 'Unsupported Authentication',
        detail:
          'Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context].',
        type: 'https://api.twitter.com/2/problems/unsupported-authentication',
        status: 403,
      }),
    }),
    tone: 'error',
    text: '403 Unsupported Authentication: Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context]. (an app-only bearer token acts as no user; switch the Authorization type to OAuth 1.0a User Context or OAuth 2.0 User Context (PKCE))',
  },
  {
    name: 'OAuth 2.0 token rejected',
    input: input({
      status: 401,
      statusText: 'Unauthorized',
      authType: 'oauth2',
      body: '{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}',
    }),
    tone: 'error',
    text: '401 Unauthorized: X rejected the OAuth 2.0 access token, which may be revoked or expired; press Authorize to sign in again',
  },
  {
    name: 'server error problem',
    input: input({
      status: 503,
      statusText: 'Service Unavailable',
      body: '{"title":"Service Unavailable","detail":"Try again later."}',
    }),
    tone: 'error',
    text: '503 Service Unavailable: Try again later.',
  },
  {
    name: 'OAuth 2.0 token error',
    input: input({
      status: 400,
      statusText: 'Bad Request',
      body: '{"error":"invalid_request","error_description":"Missing code."}',
    }),
    tone: 'error',
    text: '400 invalid_request: Missing code.',
  },
  {
    name: 'HTML error page',
    input: input({ status: 502, statusText: 'Bad Gateway', body: '<html>Bad Gateway</html>' }),
    tone: 'error',
    text: '502 Bad Gateway: the response is not JSON',
  },
  {
    name: 'empty success body',
    input: input({ status: 204, statusText: 'No Content', body: '' }),
    tone: 'warning',
    text: '204 No Content: the response has no body',
  },
  {
    name: 'JSON array body',
    input: input({ body: '[1]' }),
    tone: 'warning',
    text: '200 OK: the response is JSON but not an object',
  },
];

describe('describeOutcome', () => {
  it.each(cases)('tone for $name', ({ input: outcomeInput, tone }) => {
    expect(describeOutcome(outcomeInput).tone).toBe(tone);
  });

  it.each(cases)('text for $name', ({ input: outcomeInput, text }) => {
    expect(describeOutcome(outcomeInput).text).toBe(text);
  });

  it('does not count status 200 alone as success', () => {
    const outcome = describeOutcome(input({ requestId: 'follow', body: notFoundBody }));

    expect(outcome.tone).not.toBe('success');
  });
});

describe('needsUserContext', () => {
  const unsupported = JSON.stringify({
    title: 'Unsupported Authentication',
    type: 'https://api.x.com/2/problems/unsupported-authentication',
    status: 403,
  });

  it('is true for 403 unsupported-authentication', () => {
    expect(needsUserContext(403, unsupported)).toBe(true);
  });

  it('is false for another 403 problem', () => {
    expect(needsUserContext(403, '{"type":"https://api.x.com/2/problems/oauth1-permissions"}')).toBe(false);
  });

  it('is false for another status', () => {
    expect(needsUserContext(401, unsupported)).toBe(false);
  });

  it('is false for a body that is not JSON', () => {
    expect(needsUserContext(403, 'Forbidden')).toBe(false);
  });
});
