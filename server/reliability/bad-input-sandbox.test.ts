import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED_USER_IDS } from '../sandbox/seed.ts';
import { SandboxHarness } from '../sandbox/test-harness.ts';
import { buildAuthorizationHeader } from '../sandbox/test-signer.ts';
import { sendRawRequest } from '../testing/raw-request.ts';

/**
 * A catalogue of bad inputs sent straight to the X sandbox with valid OAuth 1.0a signatures. Each
 * one must get X's 4xx problem body, whose messages name the parameter and the rule it breaks, and
 * must leave the follow graph exactly as it was.
 */

interface BadSandboxInput {
  name: string;
  method: 'GET' | 'POST' | 'DELETE';
  /** Path and query exactly as sent. */
  target: string;
  body?: string | Buffer;
  contentType?: string;
  status: number;
  /** Text that the messages must contain to name the parameter. */
  field: string;
  /** The rule, as the messages state it. */
  rule: RegExp;
}

const DEV = SEEDED_USER_IDS.workbenchDev;
const TWITTER_DEV = SEEDED_USER_IDS.twitterDev;
const FOLLOW = `/2/users/${DEV}/following`;

function followBody(value: unknown): string {
  return JSON.stringify({ target_user_id: value });
}

const CATALOGUE: BadSandboxInput[] = [
  { name: 'ID with a space', method: 'GET', target: '/2/users/2244%20994945/following', status: 400, field: '`id` query parameter value [2244 994945]', rule: /is not valid/ },
  { name: 'ID with a trailing space', method: 'GET', target: '/2/users/2244994945%20/followers', status: 400, field: '`id` query parameter value [2244994945 ]', rule: /is not valid/ },
  { name: 'ID with a leading +', method: 'GET', target: '/2/users/+2244994945/following', status: 400, field: '`id` query parameter value [+2244994945]', rule: /is not valid/ },
  { name: 'ID with a minus sign', method: 'GET', target: '/2/users/-2244994945/following', status: 400, field: '`id` query parameter value [-2244994945]', rule: /is not valid/ },
  { name: 'ID of 20 digits', method: 'GET', target: '/2/users/12345678901234567890/following', status: 400, field: '`id` query parameter value [12345678901234567890]', rule: /is not valid/ },
  { name: 'ID in Arabic-Indic digits', method: 'GET', target: `/2/users/${encodeURIComponent('٢٢٤٤')}/following`, status: 400, field: '`id` query parameter value [٢٢٤٤]', rule: /is not valid/ },
  { name: 'literal :id', method: 'GET', target: '/2/users/:id/following', status: 400, field: '`id` query parameter value [:id]', rule: /is not valid/ },
  { name: 'unresolved {{id}}', method: 'GET', target: '/2/users/%7B%7Bid%7D%7D/following', status: 400, field: '`id` query parameter value [{{id}}]', rule: /is not valid/ },
  { name: 'duplicate query keys', method: 'GET', target: `/2/users/${DEV}/following?max_results=5&max_results=6`, status: 400, field: '`max_results` query parameter', rule: /may be given only once; got \[5, 6\]/ },
  { name: 'unknown query key', method: 'GET', target: `/2/users/${DEV}/following?cursor=abc`, status: 400, field: 'query parameter [cursor]', rule: /is not one of/ },
  { name: 'max_results of 0', method: 'GET', target: `/2/users/${DEV}/following?max_results=0`, status: 400, field: '`max_results` query parameter value [0]', rule: /is not between 1 and 1000/ },
  { name: 'max_results that is not a number', method: 'GET', target: `/2/users/${DEV}/following?max_results=ten`, status: 400, field: '`max_results` query parameter value [ten]', rule: /is not a number/ },
  { name: 'username with @', method: 'GET', target: '/2/users/by/username/@XDevelopers', status: 400, field: '`username` query parameter value [@XDevelopers]', rule: /does not match/ },
  { name: 'username of 16 characters', method: 'GET', target: `/2/users/by/username/${'a'.repeat(16)}`, status: 400, field: '`username` query parameter value', rule: /does not match/ },
  { name: 'follow for another user', method: 'POST', target: `/2/users/${TWITTER_DEV}/following`, body: followBody(SEEDED_USER_IDS.adaBuilds), status: 400, field: '`id` query parameter value [2244994945]', rule: /must be the same as the authenticating user/ },
  { name: 'target_user_id as a number', method: 'POST', target: FOLLOW, body: `{"target_user_id": ${TWITTER_DEV}}`, status: 400, field: '$.target_user_id', rule: /integer found, string expected/ },
  { name: 'target_user_id as an array', method: 'POST', target: FOLLOW, body: followBody([TWITTER_DEV]), status: 400, field: '$.target_user_id', rule: /array found, string expected/ },
  { name: 'target_user_id as a nested object', method: 'POST', target: FOLLOW, body: followBody({ id: TWITTER_DEV }), status: 400, field: '$.target_user_id', rule: /object found, string expected/ },
  { name: 'target_user_id with a space', method: 'POST', target: FOLLOW, body: followBody(`${TWITTER_DEV} `), status: 400, field: '$.target_user_id', rule: /does not match the regex pattern/ },
  { name: 'empty target_user_id', method: 'POST', target: FOLLOW, body: followBody(''), status: 400, field: '$.target_user_id', rule: /does not match the regex pattern/ },
  { name: 'missing target_user_id', method: 'POST', target: FOLLOW, body: '{}', status: 400, field: '$.target_user_id', rule: /is missing but it is required/ },
  { name: 'unknown body key', method: 'POST', target: FOLLOW, body: JSON.stringify({ target_user_id: TWITTER_DEV, notify: true }), status: 400, field: '$.notify', rule: /does not allow additional properties/ },
  { name: 'body that is not JSON', method: 'POST', target: FOLLOW, body: '{target_user_id: 2244994945}', status: 400, field: 'request body', rule: /is not valid JSON/ },
  { name: 'empty body', method: 'POST', target: FOLLOW, body: '', status: 400, field: 'request body', rule: /is empty/ },
  { name: 'wrong content type', method: 'POST', target: FOLLOW, body: followBody(TWITTER_DEV), contentType: 'text/plain', status: 400, field: 'Content-Type', rule: /must be JSON sent with Content-Type: application\/json; got Content-Type text\/plain/ },
  { name: 'invalid UTF-8 in the body', method: 'POST', target: FOLLOW, body: Buffer.concat([Buffer.from('{"target_user_id":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]), status: 400, field: '$.target_user_id', rule: /does not match the regex pattern/ },
  { name: '1 MB body', method: 'POST', target: FOLLOW, body: followBody('1'.repeat(1024 * 1024)), status: 413, field: 'request body', rule: /larger than the sandbox accepts/ },
  { name: 'unfollow with a non-numeric target', method: 'DELETE', target: `/2/users/${DEV}/following/XDevelopers`, status: 400, field: '`target_user_id` query parameter value [XDevelopers]', rule: /is not valid/ },
  { name: 'path with bad percent-encoding', method: 'GET', target: '/2/users/%E0%A4%A/following', status: 400, field: 'request path', rule: /invalid percent-encoding/ },
];

let harness: SandboxHarness;

beforeAll(async () => {
  harness = await SandboxHarness.start();
});

afterAll(async () => {
  await harness.close();
});

/** Who follows whom, pending requests included, among the named users. */
function graphSnapshot(): string {
  const graph = harness.sandbox.state.graph;
  const ids = graph.listNamedUsers().map((user) => user.id);
  const edges = ids.flatMap((source) =>
    ids.map((target) => `${source}>${target}:${graph.isFollowing(source, target) ? 'F' : '-'}${graph.hasPendingRequest(source, target) ? 'P' : '-'}`),
  );

  return JSON.stringify({ edges, followers: ids.map((id) => graph.countFollowers(id)) });
}

describe('bad input to the X sandbox', () => {
  it('has at least 25 cases', () => {
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(25);
  });

  it.each(CATALOGUE.map((row) => [row.name, row] as const))('rejects %s', async (_name, row) => {
    const before = graphSnapshot();
    const authorization = buildAuthorizationHeader({
      method: row.method,
      url: `http://127.0.0.1:${harness.port}${row.target}`,
      credentials: harness.credentials(),
      timestampSeconds: Math.floor(harness.clock.nowMs / 1000),
      nonce: harness.nextNonce(),
    });
    const headers: Record<string, string> = { authorization };
    if (row.body !== undefined) {
      headers['content-type'] = row.contentType ?? 'application/json';
    }

    const response = await sendRawRequest(`http://127.0.0.1:${harness.port}`, {
      method: row.method,
      target: row.target,
      headers,
      ...(row.body === undefined ? {} : { body: row.body }),
    });
    const problem = response.json as { detail?: string; errors?: Array<{ message: string }> } | undefined;
    const messages = [...(problem?.errors ?? []).map((error) => error.message), problem?.detail ?? ''].join('\n');

    expect(response.status, response.text).toBe(row.status);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(messages).toContain(row.field);
    expect(messages).toMatch(row.rule);
    expect(graphSnapshot()).toBe(before);
  });
});
