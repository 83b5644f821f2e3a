import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { SEEDED_USER_IDS } from './seed.ts';
import { SandboxHarness, type TestResponse } from './test-harness.ts';

const PROBLEM_PREFIX = 'https://api.twitter.com/2/problems/';
const DEV = SEEDED_USER_IDS.workbenchDev;
const TWITTER_DEV = SEEDED_USER_IDS.twitterDev;
const SAM = SEEDED_USER_IDS.suspendedSam;
/** 2^53 + 1, which a JavaScript number would turn into 9007199254740992. */
const ABOVE_2_53 = '9007199254740993';

const DEV_USER = { id: DEV, name: 'Workbench Developer', username: 'workbench_dev' };
const TWITTER_DEV_USER = { id: TWITTER_DEV, name: 'Developers', username: 'TwitterDev' };

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

function get(target: string): Promise<TestResponse> {
  return harness.withBearer('GET', target);
}

function notFound(parameter: string, value: string) {
  return {
    value,
    detail: `Could not find user with ${parameter}: [${value}].`,
    title: 'Not Found Error',
    resource_type: 'user',
    parameter,
    resource_id: value,
    type: `${PROBLEM_PREFIX}resource-not-found`,
  };
}

function suspended(parameter: string, value: string) {
  return {
    value,
    detail: `User has been suspended: [${value}].`,
    title: 'Forbidden',
    resource_type: 'user',
    parameter,
    resource_id: value,
    type: `${PROBLEM_PREFIX}resource-not-found`,
  };
}

function invalidRequest(errors: unknown[]) {
  return {
    errors,
    title: 'Invalid Request',
    detail: 'One or more parameters to your request was invalid.',
    type: `${PROBLEM_PREFIX}invalid-request`,
  };
}

/** Returns `count` distinct IDs that no seeded user has. */
function unknownIds(count: number): string[] {
  return Array.from({ length: count }, (_, index) => String(index + 1));
}

describe('GET /2/users/:id', () => {
  it('returns a 19-digit ID above 2^53 exactly', async () => {
    const response = await harness.signed('GET', `/2/users/${DEV}`);

    expect(response.status).toBe(200);
    expect(response.text).toBe('{"data":{"id":"1588987262754234368","name":"Workbench Developer","username":"workbench_dev"}}');
  });

  it('adds requested user fields', async () => {
    const response = await get(`/2/users/${TWITTER_DEV}?user.fields=verified,verified_type,location&expansions=pinned_tweet_id&tweet.fields=text`);

    expect(response.status).toBe(200);
    expect(response.json).toEqual({ data: { ...TWITTER_DEV_USER, location: '127.0.0.1', verified: true, verified_type: 'business' } });
  });

  it('reports an unknown ID with HTTP 200', async () => {
    const response = await get(`/2/users/${ABOVE_2_53}`);

    expect(response.status).toBe(200);
    expect(response.json).toEqual({ errors: [notFound('id', ABOVE_2_53)] });
  });

  it('reports a suspended user with HTTP 200', async () => {
    const response = await get(`/2/users/${SAM}`);

    expect(response.status).toBe(200);
    expect(response.json).toEqual({ errors: [suspended('id', SAM)] });
  });

  it.each([
    ['abc', 'abc'],
    ['3456%20', '3456 '],
    [':id', ':id'],
    ['12345678901234567890', '12345678901234567890'],
    ['ME', 'ME'],
  ])('rejects the ID %s', async (segment, value) => {
    const response = await get(`/2/users/${segment}`);

    expect(response.status).toBe(400);
    expect(response.json).toEqual(invalidRequest([{ parameters: { id: [value] }, message: `The \`id\` query parameter value [${value}] is not valid` }]));
  });

  it('rejects an ids query parameter', async () => {
    const response = await get(`/2/users/${DEV}?ids=${TWITTER_DEV}`);

    expect(response.status).toBe(400);
    expect(response.json).toEqual(
      invalidRequest([{ parameters: { ids: [TWITTER_DEV] }, message: 'The query parameter [ids] is not one of [expansions,id,tweet.fields,user.fields]' }]),
    );
  });
});

describe('GET /2/users?ids=', () => {
  it('mixes found, missing and suspended IDs', async () => {
    const response = await get(`/2/users?ids=${TWITTER_DEV},${ABOVE_2_53},${DEV},${SAM}`);

    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      data: [TWITTER_DEV_USER, DEV_USER],
      errors: [notFound('ids', ABOVE_2_53), suspended('ids', SAM)],
    });
  });

  it('omits errors when every user is found', async () => {
    const response = await harness.signed('GET', `/2/users?ids=${DEV},${TWITTER_DEV}`);

    expect(response.status).toBe(200);
    expect(response.text).toBe(
      '{"data":[{"id":"1588987262754234368","name":"Workbench Developer","username":"workbench_dev"},{"id":"2244994945","name":"Developers","username":"TwitterDev"}]}',
    );
  });

  it('omits data when no user is found', async () => {
    const response = await get(`/2/users?ids=111,${SAM}`);

    expect(response.status).toBe(200);
    expect(response.json).toEqual({ errors: [notFound('ids', '111'), suspended('ids', SAM)] });
  });

  it('returns a repeated ID once', async () => {
    const response = await get(`/2/users?ids=${DEV},${TWITTER_DEV},${DEV},111,111`);

    expect(response.json).toEqual({ data: [DEV_USER, TWITTER_DEV_USER], errors: [notFound('ids', '111')] });
  });

  it('renders user fields for every user', async () => {
    const response = await get(`/2/users?ids=${DEV},${TWITTER_DEV}&user.fields=protected`);

    expect(response.json).toEqual({ data: [{ ...DEV_USER, protected: false }, { ...TWITTER_DEV_USER, protected: false }] });
  });

  it('verifies a signature over a pre-encoded comma', async () => {
    const response = await harness.signed('GET', `/2/users?ids=${DEV}%2C${TWITTER_DEV}`);

    expect(response.status).toBe(200);
    expect(response.json).toEqual({ data: [DEV_USER, TWITTER_DEV_USER] });
  });

  it('accepts 100 IDs', async () => {
    const response = await get(`/2/users?ids=${[DEV, ...unknownIds(99)].join(',')}`);
    const body = response.json as { data: unknown[]; errors: unknown[] };

    expect(response.status).toBe(200);
    expect(body.data).toEqual([DEV_USER]);
    expect(body.errors).toHaveLength(99);
  });

  it('rejects 101 IDs', async () => {
    const ids = unknownIds(101).join(',');

    const response = await get(`/2/users?ids=${ids}`);

    expect(response.status).toBe(400);
    expect(response.json).toEqual(
      invalidRequest([{ parameters: { ids: [ids] }, message: 'The number of values in the `ids` query parameter list [101] is not between 1 and 100' }]),
    );
  });

  it.each([
    ['a missing', '/2/users', []],
    ['an empty', '/2/users?ids=', ['']],
  ])('rejects %s ids parameter', async (_case, target, received) => {
    const response = await get(target);

    expect(response.status).toBe(400);
    expect(response.json).toEqual(invalidRequest([{ parameters: { ids: received }, message: 'The `ids` query parameter can not be empty' }]));
  });

  it('names each invalid ID', async () => {
    const response = await get(`/2/users?ids=${DEV},abc,12%20,,${ABOVE_2_53}0000`);

    expect(response.status).toBe(400);
    expect(response.json).toEqual(
      invalidRequest([
        { parameters: { ids: ['abc'] }, message: 'The `ids` query parameter value [abc] is not valid' },
        { parameters: { ids: ['12 '] }, message: 'The `ids` query parameter value [12 ] is not valid' },
        { parameters: { ids: [''] }, message: 'The `ids` query parameter value [] is not valid' },
        { parameters: { ids: ['90071992547409930000'] }, message: 'The `ids` query parameter value [90071992547409930000] is not valid' },
      ]),
    );
  });

  it('rejects a repeated ids parameter', async () => {
    const response = await get(`/2/users?ids=${DEV}&ids=${TWITTER_DEV}`);

    expect(response.status).toBe(400);
    expect(response.json).toEqual(
      invalidRequest([{ parameters: { ids: [DEV, TWITTER_DEV] }, message: `The \`ids\` query parameter may be given only once; got [${DEV}, ${TWITTER_DEV}]` }]),
    );
  });
});

describe('GET /2/users/by?usernames=', () => {
  it('matches case-insensitively and keeps the requested order', async () => {
    const response = await get('/2/users/by?usernames=twitterdev,nobody_here,WORKBENCH_DEV,suspended_sam');

    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      data: [TWITTER_DEV_USER, DEV_USER],
      errors: [notFound('usernames', 'nobody_here'), suspended('usernames', 'suspended_sam')],
    });
  });

  it('returns a username repeated in another case once', async () => {
    const response = await harness.signed('GET', '/2/users/by?usernames=TwitterDev,twitterdev,TWITTERDEV');

    expect(response.status).toBe(200);
    expect(response.text).toBe('{"data":[{"id":"2244994945","name":"Developers","username":"TwitterDev"}]}');
  });

  it('omits data when no user is found', async () => {
    const response = await get('/2/users/by?usernames=nobody_here');

    expect(response.json).toEqual({ errors: [notFound('usernames', 'nobody_here')] });
  });

  it('renders user fields', async () => {
    const response = await get('/2/users/by?usernames=workbench_dev&user.fields=location,url');

    expect(response.json).toEqual({ data: [{ ...DEV_USER, location: 'localhost', url: 'https://example.com/workbench' }] });
  });

  it('names each invalid username', async () => {
    const response = await get('/2/users/by?usernames=TwitterDev,%40TwitterDev,a_name_that_is_too_long');

    expect(response.status).toBe(400);
    expect(response.json).toEqual(
      invalidRequest([
        { parameters: { usernames: ['@TwitterDev'] }, message: 'The `usernames` query parameter value [@TwitterDev] does not match ^[A-Za-z0-9_]{1,15}$' },
        {
          parameters: { usernames: ['a_name_that_is_too_long'] },
          message: 'The `usernames` query parameter value [a_name_that_is_too_long] does not match ^[A-Za-z0-9_]{1,15}$',
        },
      ]),
    );
  });

  it('rejects a missing usernames parameter', async () => {
    const response = await get('/2/users/by?user.fields=id');

    expect(response.status).toBe(400);
    expect(response.json).toEqual(invalidRequest([{ parameters: { usernames: [] }, message: 'The `usernames` query parameter can not be empty' }]));
  });

  it('accepts 100 usernames and rejects 101', async () => {
    const names = Array.from({ length: 101 }, (_, index) => `user_${index}`);

    const accepted = await get(`/2/users/by?usernames=${names.slice(0, 100).join(',')}`);
    const rejected = await get(`/2/users/by?usernames=${names.join(',')}`);

    expect(accepted.status).toBe(200);
    expect((accepted.json as { errors: unknown[] }).errors).toHaveLength(100);
    expect(rejected.status).toBe(400);
    expect(rejected.json).toMatchObject({
      errors: [{ message: 'The number of values in the `usernames` query parameter list [101] is not between 1 and 100' }],
    });
  });

  it('rejects an ids parameter', async () => {
    const response = await get(`/2/users/by?usernames=TwitterDev&ids=${DEV}`);

    expect(response.status).toBe(400);
    expect(response.json).toEqual(
      invalidRequest([{ parameters: { ids: [DEV] }, message: 'The query parameter [ids] is not one of [expansions,tweet.fields,user.fields,usernames]' }]),
    );
  });
});
