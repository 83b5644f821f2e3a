import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { SEEDED_USER_IDS } from './seed.ts';
import { SandboxHarness, sendRaw } from './test-harness.ts';

const DEV = SEEDED_USER_IDS.workbenchDev;
const PROBLEM_PREFIX = 'https://api.twitter.com/2/problems/';

let harness: SandboxHarness;

beforeAll(async () => {
  harness = await SandboxHarness.start();
});
afterAll(async () => {
  await harness.close();
});
beforeEach(() => {
  harness.sandbox.reset();
});

function follow(targetUserId: unknown, sourceId: string = DEV) {
  return harness.signed('POST', `/2/users/${sourceId}/following`, { json: { target_user_id: targetUserId } });
}

function invalidRequest(errors: unknown[]) {
  return {
    errors,
    title: 'Invalid Request',
    detail: 'One or more parameters to your request was invalid.',
    type: `${PROBLEM_PREFIX}invalid-request`,
  };
}

describe('POST /2/users/:id/following', () => {
  it('follows a public user', async () => {
    const response = await follow(SEEDED_USER_IDS.twitterDev);

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.text).toBe('{"data":{"following":true,"pending_follow":false}}');
    expect(harness.sandbox.state.graph.isFollowing(DEV, SEEDED_USER_IDS.twitterDev)).toBe(true);
  });

  it('is idempotent on repeat', async () => {
    await follow(SEEDED_USER_IDS.twitterDev);
    const again = await follow(SEEDED_USER_IDS.twitterDev);

    expect(again.status).toBe(200);
    expect(again.json).toEqual({ data: { following: true, pending_follow: false } });
    expect(harness.sandbox.state.graph.countFollowers(SEEDED_USER_IDS.twitterDev)).toBe(6);
  });

  it('leaves a protected target pending', async () => {
    const first = await follow(SEEDED_USER_IDS.protectedPat);
    const again = await follow(SEEDED_USER_IDS.protectedPat);

    expect(first.json).toEqual({ data: { following: false, pending_follow: true } });
    expect(again.json).toEqual({ data: { following: false, pending_follow: true } });
    expect(harness.sandbox.state.graph.isFollowing(DEV, SEEDED_USER_IDS.protectedPat)).toBe(false);
    expect(harness.sandbox.state.graph.hasPendingRequest(DEV, SEEDED_USER_IDS.protectedPat)).toBe(true);
  });

  it('reports an unknown target with HTTP 200', async () => {
    const response = await follow('1234567890123');

    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      errors: [
        {
          value: '1234567890123',
          detail: 'Could not find user with target_user_id: [1234567890123].',
          title: 'Not Found Error',
          resource_type: 'user',
          parameter: 'target_user_id',
          resource_id: '1234567890123',
          type: `${PROBLEM_PREFIX}resource-not-found`,
        },
      ],
    });
  });

  it('reports a suspended target with HTTP 200', async () => {
    const response = await follow(SEEDED_USER_IDS.suspendedSam);

    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      errors: [
        {
          value: SEEDED_USER_IDS.suspendedSam,
          detail: `User has been suspended: [${SEEDED_USER_IDS.suspendedSam}].`,
          title: 'Forbidden',
          resource_type: 'user',
          parameter: 'target_user_id',
          resource_id: SEEDED_USER_IDS.suspendedSam,
          type: `${PROBLEM_PREFIX}resource-not-found`,
        },
      ],
    });
  });

  it('reports following yourself as not found', async () => {
    const response = await follow(DEV);

    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ errors: [{ parameter: 'target_user_id', resource_id: DEV, title: 'Not Found Error' }] });
  });

  it('rejects a path ID with a trailing space', async () => {
    const response = await harness.signed('POST', '/2/users/3456%20/following', { json: { target_user_id: '2244994945' } });

    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(response.text).toBe(
      '{"errors":[{"parameters":{"id":["3456 "]},"message":"The `id` query parameter value [3456 ] is not valid"}],"title":"Invalid Request","detail":"One or more parameters to your request was invalid.","type":"https://api.twitter.com/2/problems/invalid-request"}',
    );
  });

  it.each([':id', 'abc', '12345678901234567890', '-1'])('rejects the path ID %j', async (id) => {
    const response = await harness.signed('POST', `/2/users/${id}/following`, { json: { target_user_id: '2244994945' } });

    expect(response.status).toBe(400);
    expect(response.json).toEqual(
      invalidRequest([{ parameters: { id: [id] }, message: `The \`id\` query parameter value [${id}] is not valid` }]),
    );
  });

  it('rejects a path ID with invalid percent-encoding', async () => {
    const response = await harness.signed('POST', '/2/users/%E0/following', { json: { target_user_id: '2244994945' } });

    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(response.json).toEqual(
      invalidRequest([{ message: "The request path has invalid percent-encoding (Failed to decode param '%E0')." }]),
    );
  });

  it('rejects an ID that is not the authenticating user', async () => {
    const response = await follow('2244994945', SEEDED_USER_IDS.adaBuilds);

    expect(response.status).toBe(400);
    expect(response.json).toEqual(
      invalidRequest([
        {
          parameters: { id: [SEEDED_USER_IDS.adaBuilds] },
          message: `The \`id\` query parameter value [${SEEDED_USER_IDS.adaBuilds}] must be the same as the authenticating user [${DEV}]`,
        },
      ]),
    );
  });

  it.each([
    [{}, '$.target_user_id: is missing but it is required'],
    [{ target_user_id: '2244994945', extra: 1 }, '$.extra: is not defined in the schema and the schema does not allow additional properties'],
    [{ target_user_id: 2244994945 }, '$.target_user_id: integer found, string expected (send the ID in quotes)'],
    [{ target_user_id: '2244994945 ' }, '$.target_user_id: does not match the regex pattern ^[0-9]{1,19}$'],
    [['2244994945'], '$: array found, object expected'],
  ])('rejects the body %j', async (body, message) => {
    const response = await harness.signed('POST', `/2/users/${DEV}/following`, { json: body });

    expect(response.status).toBe(400);
    expect(response.json).toEqual(invalidRequest([{ message }]));
  });

  it('rejects a body that is not JSON', async () => {
    const response = await harness.signed('POST', `/2/users/${DEV}/following`, { body: '{"target_user_id":', contentType: 'application/json' });

    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ errors: [{ message: expect.stringContaining('The request body is not valid JSON') }] });
  });

  it('rejects a wrong content type', async () => {
    const response = await harness.signed('POST', `/2/users/${DEV}/following`, {
      body: 'target_user_id=2244994945',
      contentType: 'application/x-www-form-urlencoded',
    });

    expect(response.status).toBe(400);
    expect(response.json).toEqual(
      invalidRequest([
        { message: 'The request body must be JSON sent with Content-Type: application/json; got Content-Type application/x-www-form-urlencoded.' },
      ]),
    );
  });

  it('rejects a missing body', async () => {
    const response = await harness.signed('POST', `/2/users/${DEV}/following`);

    expect(response.status).toBe(400);
    expect(response.json).toEqual(
      invalidRequest([{ message: 'The request body must be JSON sent with Content-Type: application/json; got no Content-Type header.' }]),
    );
  });

  it('rejects a body over the size limit', async () => {
    const response = await harness.signed('POST', `/2/users/${DEV}/following`, { json: { target_user_id: 'x'.repeat(20_000) } });

    expect(response.status).toBe(413);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(response.json).toMatchObject({ title: 'Payload Too Large', status: 413 });
  });

  it('rejects a query parameter', async () => {
    const response = await harness.signed('POST', `/2/users/${DEV}/following?foo=bar`, { json: { target_user_id: '2244994945' } });

    expect(response.status).toBe(400);
    expect(response.json).toEqual(invalidRequest([{ parameters: { foo: ['bar'] }, message: 'The query parameter [foo] is not one of [id]' }]));
  });
});

describe('DELETE /2/users/:source_user_id/following/:target_user_id', () => {
  it('unfollows', async () => {
    const response = await harness.signed('DELETE', `/2/users/${DEV}/following/${SEEDED_USER_IDS.adaBuilds}`);

    expect(response.status).toBe(200);
    expect(response.text).toBe('{"data":{"following":false}}');
    expect(harness.sandbox.state.graph.isFollowing(DEV, SEEDED_USER_IDS.adaBuilds)).toBe(false);
  });

  it('cancels a pending request', async () => {
    await follow(SEEDED_USER_IDS.protectedPat);
    const response = await harness.signed('DELETE', `/2/users/${DEV}/following/${SEEDED_USER_IDS.protectedPat}`);

    expect(response.json).toEqual({ data: { following: false } });
    expect(harness.sandbox.state.graph.hasPendingRequest(DEV, SEEDED_USER_IDS.protectedPat)).toBe(false);
  });

  it('succeeds when not following', async () => {
    const response = await harness.signed('DELETE', `/2/users/${DEV}/following/${SEEDED_USER_IDS.kenTests}`);

    expect(response.json).toEqual({ data: { following: false } });
  });

  it('names the bad path parameters', async () => {
    const response = await harness.signed('DELETE', `/2/users/${DEV}%20/following/:target_user_id`);

    expect(response.status).toBe(400);
    expect(response.json).toEqual(
      invalidRequest([
        { parameters: { source_user_id: [`${DEV} `] }, message: `The \`source_user_id\` query parameter value [${DEV} ] is not valid` },
        {
          parameters: { target_user_id: [':target_user_id'] },
          message: 'The `target_user_id` query parameter value [:target_user_id] is not valid',
        },
      ]),
    );
  });

  it('rejects a source that is not the authenticating user', async () => {
    const response = await harness.signed('DELETE', `/2/users/${SEEDED_USER_IDS.adaBuilds}/following/${DEV}`);

    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({
      errors: [{ message: `The \`source_user_id\` query parameter value [${SEEDED_USER_IDS.adaBuilds}] must be the same as the authenticating user [${DEV}]` }],
    });
  });

  it('reports an unknown target with HTTP 200', async () => {
    const response = await harness.signed('DELETE', `/2/users/${DEV}/following/42`);

    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ errors: [{ parameter: 'target_user_id', resource_id: '42', title: 'Not Found Error' }] });
  });
});

describe('IDs above 2^53', () => {
  it('stay exact in responses', async () => {
    await harness.signed('POST', `/2/users/${DEV}/following`, { json: { target_user_id: SEEDED_USER_IDS.protectedPat } });
    const me = await harness.signed('GET', '/2/users/me');
    const followers = await sendRaw(harness.port, {
      method: 'GET',
      target: `/2/users/${SEEDED_USER_IDS.adaBuilds}/followers`,
      headers: { authorization: `Bearer ${harness.bearerToken()}` },
    });

    expect(me.text).toContain('"id":"1588987262754234368"');
    expect(followers.text).toContain('"id":"1588987262754234368"');
    expect(Number(DEV).toString()).not.toBe(DEV);
  });
});
