import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { POPULAR_FOLLOWER_COUNT, SEEDED_USER_IDS } from './seed.ts';
import { SandboxHarness, type TestResponse } from './test-harness.ts';

const PROBLEM_PREFIX = 'https://api.twitter.com/2/problems/';
const PIA = SEEDED_USER_IDS.popularPia;

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

interface ListBody {
  data?: { id: string; name: string; username: string; [field: string]: unknown }[];
  meta: { result_count: number; next_token?: string; previous_token?: string };
}

function getList(target: string): Promise<TestResponse> {
  return harness.withBearer('GET', target);
}

function bodyOf(response: TestResponse): ListBody {
  expect(response.status).toBe(200);

  return response.json as ListBody;
}

describe('GET /2/users/:id/followers', () => {
  it('lists followers newest first', async () => {
    const body = bodyOf(await getList(`/2/users/${SEEDED_USER_IDS.twitterDev}/followers`));

    expect(body.data?.map((user) => user.username)).toEqual(['ken_tests', 'margaret_apis', 'linus_ships', 'grace_codes', 'ada_builds']);
    expect(body.data?.[0]).toEqual({ id: SEEDED_USER_IDS.kenTests, name: 'Ken Tester', username: 'ken_tests' });
    expect(body.meta).toEqual({ result_count: 5 });
  });

  it('lists a new follower first', async () => {
    await harness.signed('POST', `/2/users/${SEEDED_USER_IDS.workbenchDev}/following`, {
      json: { target_user_id: SEEDED_USER_IDS.twitterDev },
    });
    const body = bodyOf(await getList(`/2/users/${SEEDED_USER_IDS.twitterDev}/followers?max_results=1`));

    expect(body.data?.map((user) => user.id)).toEqual([SEEDED_USER_IDS.workbenchDev]);
  });

  it('omits data for an empty list', async () => {
    const response = await getList(`/2/users/${SEEDED_USER_IDS.kenTests}/followers`);

    expect(response.status).toBe(200);
    expect(response.text).toBe('{"meta":{"result_count":0}}');
  });

  it('pages with next and previous tokens', async () => {
    const first = bodyOf(await getList(`/2/users/${PIA}/followers?max_results=100`));
    expect(first.data).toHaveLength(100);
    expect(first.meta.previous_token).toBeUndefined();
    expect(first.meta.next_token).toMatch(/^[A-Z2-7]{16}$/);

    const second = bodyOf(await getList(`/2/users/${PIA}/followers?max_results=100&pagination_token=${first.meta.next_token}`));
    expect(second.data).toHaveLength(100);
    expect(second.meta.previous_token).toMatch(/^[A-Z2-7]{16}$/);
    expect(second.meta.next_token).toMatch(/^[A-Z2-7]{16}$/);

    const third = bodyOf(await getList(`/2/users/${PIA}/followers?max_results=100&pagination_token=${second.meta.next_token}`));
    expect(third.data).toHaveLength(POPULAR_FOLLOWER_COUNT + 1 - 200);
    expect(third.meta.next_token).toBeUndefined();

    const back = bodyOf(await getList(`/2/users/${PIA}/followers?max_results=100&pagination_token=${second.meta.previous_token}`));
    expect(back.data).toEqual(first.data);
    expect(back.meta.previous_token).toBeUndefined();
    expect(back.meta.next_token).toBe(first.meta.next_token);

    const allIds = [...first.data!, ...second.data!, ...third.data!].map((user) => user.id);
    expect(new Set(allIds).size).toBe(POPULAR_FOLLOWER_COUNT + 1);
  });

  it('accepts max_results bounds', async () => {
    const smallest = bodyOf(await getList(`/2/users/${PIA}/followers?max_results=1`));
    const largest = bodyOf(await getList(`/2/users/${PIA}/followers?max_results=1000`));

    expect(smallest.meta.result_count).toBe(1);
    expect(smallest.data).toHaveLength(1);
    expect(largest.meta.result_count).toBe(POPULAR_FOLLOWER_COUNT + 1);
    expect(largest.meta.next_token).toBeUndefined();
  });

  it('defaults max_results to 100', async () => {
    const body = bodyOf(await getList(`/2/users/${PIA}/followers`));

    expect(body.meta.result_count).toBe(100);
  });

  it.each([
    ['0', 'is not between 1 and 1000'],
    ['1001', 'is not between 1 and 1000'],
    ['99999999999999999999', 'is not between 1 and 1000'],
    ['abc', 'is not a number'],
    ['', 'is not a number'],
    ['-5', 'is not a number'],
  ])('rejects max_results=%j', async (value, rule) => {
    const response = await getList(`/2/users/${PIA}/followers?max_results=${value}`);

    expect(response.status).toBe(400);
    expect(response.json).toEqual({
      errors: [{ parameters: { max_results: [value] }, message: `The \`max_results\` query parameter value [${value}] ${rule}` }],
      title: 'Invalid Request',
      detail: 'One or more parameters to your request was invalid.',
      type: `${PROBLEM_PREFIX}invalid-request`,
    });
  });

  it('rejects an invalid pagination token', async () => {
    const response = await getList(`/2/users/${PIA}/followers?pagination_token=DFEDBNRFT3MHCZZZ`);

    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({
      errors: [
        {
          parameters: { pagination_token: ['DFEDBNRFT3MHCZZZ'] },
          message: 'The `pagination_token` query parameter value [DFEDBNRFT3MHCZZZ] is not valid',
        },
      ],
    });
  });

  it('rejects a token from another list', async () => {
    const first = bodyOf(await getList(`/2/users/${PIA}/followers?max_results=10`));
    const response = await getList(`/2/users/${PIA}/following?pagination_token=${first.meta.next_token}`);

    expect(response.status).toBe(400);
  });

  it('renders requested user fields', async () => {
    const body = bodyOf(
      await getList(
        `/2/users/${SEEDED_USER_IDS.protectedPat}/followers?user.fields=id,name,username,protected,created_at,description,public_metrics,verified,location,url,profile_image_url,verified_type,entities`,
      ),
    );

    expect(body.data).toEqual([
      {
        id: SEEDED_USER_IDS.kenTests,
        name: 'Ken Tester',
        username: 'ken_tests',
        created_at: '2012-10-20T12:00:00.000Z',
        description: 'An older account with a 10-digit ID.',
        profile_image_url: 'https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png',
        protected: false,
        public_metrics: { followers_count: 0, following_count: 2, tweet_count: 120, listed_count: 3, like_count: 480 },
        url: '',
        verified: false,
        verified_type: 'none',
      },
    ]);
  });

  it('rejects an unknown user field by name', async () => {
    const response = await getList(`/2/users/${PIA}/followers?user.fields=name,favourite_colour`);

    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({
      errors: [
        {
          parameters: { 'user.fields': ['favourite_colour'] },
          message: expect.stringMatching(/^The `user.fields` query parameter value \[favourite_colour\] is not one of \[created_at,/),
        },
      ],
    });
  });

  it('accepts expansions and tweet.fields', async () => {
    const body = bodyOf(await getList(`/2/users/${PIA}/followers?max_results=5&expansions=pinned_tweet_id&tweet.fields=created_at,text`));

    expect(body.meta.result_count).toBe(5);
    expect(body).not.toHaveProperty('includes');
  });

  it('rejects unknown and repeated query parameters', async () => {
    const response = await getList(`/2/users/${PIA}/followers?count=5&max_results=5&max_results=6`);

    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({
      errors: [
        {
          parameters: { count: ['5'] },
          message: 'The query parameter [count] is not one of [expansions,id,max_results,pagination_token,tweet.fields,user.fields]',
        },
        { parameters: { max_results: ['5', '6'] }, message: 'The `max_results` query parameter may be given only once; got [5, 6]' },
      ],
    });
  });

  it('reports an unknown user with HTTP 200', async () => {
    const response = await getList('/2/users/111/followers');

    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      errors: [
        {
          value: '111',
          detail: 'Could not find user with id: [111].',
          title: 'Not Found Error',
          resource_type: 'user',
          parameter: 'id',
          resource_id: '111',
          type: `${PROBLEM_PREFIX}resource-not-found`,
        },
      ],
    });
  });

  it('reports a suspended user with HTTP 200', async () => {
    const response = await getList(`/2/users/${SEEDED_USER_IDS.suspendedSam}/followers`);

    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ errors: [{ title: 'Forbidden', parameter: 'id', resource_id: SEEDED_USER_IDS.suspendedSam }] });
  });
});

describe('GET /2/users/:id/following', () => {
  it('lists followed users for any user with OAuth 1.0a', async () => {
    const response = await harness.signed('GET', `/2/users/${SEEDED_USER_IDS.workbenchDev}/following?user.fields=protected`);
    const body = bodyOf(response);

    expect(body.data).toEqual([
      { id: SEEDED_USER_IDS.graceCodes, name: 'Grace Coder', username: 'grace_codes', protected: false },
      { id: SEEDED_USER_IDS.adaBuilds, name: 'Ada Builder', username: 'ada_builds', protected: false },
    ]);
    expect(body.meta).toEqual({ result_count: 2 });
  });

  it('omits a pending follow', async () => {
    await harness.signed('POST', `/2/users/${SEEDED_USER_IDS.workbenchDev}/following`, {
      json: { target_user_id: SEEDED_USER_IDS.protectedPat },
    });
    const body = bodyOf(await getList(`/2/users/${SEEDED_USER_IDS.workbenchDev}/following`));

    expect(body.meta.result_count).toBe(2);
  });

  it('verifies a pre-encoded comma in the query', async () => {
    const response = await harness.signed('GET', `/2/users/${SEEDED_USER_IDS.adaBuilds}/following?user.fields=id%2Cname&max_results=2`);

    expect(response.status).toBe(200);
    expect((response.json as ListBody).meta.next_token).toMatch(/^[A-Z2-7]{16}$/);
  });
});

describe('GET /2/users/me', () => {
  it('returns the token owner', async () => {
    const response = await harness.signed('GET', '/2/users/me');

    expect(response.status).toBe(200);
    expect(response.text).toBe('{"data":{"id":"1588987262754234368","name":"Workbench Developer","username":"workbench_dev"}}');
  });

  it('adds requested fields', async () => {
    const response = await harness.signed('GET', '/2/users/me?user.fields=protected,public_metrics,created_at');

    expect(response.json).toEqual({
      data: {
        id: SEEDED_USER_IDS.workbenchDev,
        name: 'Workbench Developer',
        username: 'workbench_dev',
        created_at: '2022-11-05T18:32:10.000Z',
        protected: false,
        public_metrics: { followers_count: 2, following_count: 2, tweet_count: 120, listed_count: 3, like_count: 480 },
      },
    });
  });

  it('returns the owner of another token', async () => {
    const response = await harness.signed('GET', '/2/users/me', { username: 'ada_builds' });

    expect(response.json).toMatchObject({ data: { id: SEEDED_USER_IDS.adaBuilds, username: 'ada_builds' } });
  });
});

describe('GET /2/users/by/username/:username', () => {
  it('matches usernames case-insensitively', async () => {
    const response = await getList('/2/users/by/username/twitterdev');

    expect(response.status).toBe(200);
    expect(response.text).toBe('{"data":{"id":"2244994945","name":"Developers","username":"TwitterDev"}}');
  });

  it('reports an unknown username with HTTP 200', async () => {
    const response = await getList('/2/users/by/username/nobody_here');

    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      errors: [
        {
          value: 'nobody_here',
          detail: 'Could not find user with username: [nobody_here].',
          title: 'Not Found Error',
          resource_type: 'user',
          parameter: 'username',
          resource_id: 'nobody_here',
          type: `${PROBLEM_PREFIX}resource-not-found`,
        },
      ],
    });
  });

  it('reports a suspended username with HTTP 200', async () => {
    const response = await getList('/2/users/by/username/suspended_sam');

    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      errors: [
        {
          value: 'suspended_sam',
          detail: 'User has been suspended: [suspended_sam].',
          title: 'Forbidden',
          resource_type: 'user',
          parameter: 'username',
          resource_id: 'suspended_sam',
          type: `${PROBLEM_PREFIX}resource-not-found`,
        },
      ],
    });
  });

  it('rejects an invalid username', async () => {
    const response = await getList('/2/users/by/username/%40TwitterDev');

    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({
      errors: [{ parameters: { username: ['@TwitterDev'] }, message: 'The `username` query parameter value [@TwitterDev] does not match ^[A-Za-z0-9_]{1,15}$' }],
    });
  });
});
