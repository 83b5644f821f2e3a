import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, EnvironmentView, SessionInfo } from '../../shared/api.ts';
import { sendRawRequest, type RawResponse } from '../testing/raw-request.ts';
import { startTestWorkbench, type TestWorkbench } from '../testing/test-workbench.ts';

/**
 * A catalogue of bad inputs to the workbench API. Each one must get a 4xx whose message names the
 * field and the rule it breaks, and must leave the stored environments and the sandbox's follow
 * graph exactly as they were.
 */

interface Targets {
  sandboxId: string;
  customId: string;
}

interface BadInput {
  name: string;
  method: 'POST' | 'PATCH';
  path: (targets: Targets) => string;
  /** A value sent as JSON, or the exact bytes of the body. */
  json?: (targets: Targets) => unknown;
  raw?: string | Buffer;
  contentType?: string;
  status: number;
  /** Text that the message must contain to name the field. */
  field: string;
  /** The rule, as the message states it. */
  rule: RegExp;
}

const MEGABYTE = 'x'.repeat(1024 * 1024);
const TWITTER_DEV = '2244994945';

function send(targets: Targets, overrides: Record<string, unknown>): Record<string, unknown> {
  return { environmentId: targets.sandboxId, requestId: 'following', pathVariables: {}, query: [], body: null, ...overrides };
}

const environments = (): string => '/api/environments';
const environment = ({ customId }: Targets): string => `/api/environments/${customId}`;
const sandboxEnvironment = ({ sandboxId }: Targets): string => `/api/environments/${sandboxId}`;
const sendPath = (): string => '/api/send';
const newEnvironment = (overrides: Record<string, unknown>) => () => ({ name: 'Bad input', baseUrl: 'https://api.x.com', ...overrides });

const CATALOGUE: BadInput[] = [
  // Creating an environment.
  { name: 'empty name', method: 'POST', path: environments, json: newEnvironment({ name: '' }), status: 400, field: 'name', rule: /must not be empty/ },
  { name: 'name of 81 characters', method: 'POST', path: environments, json: newEnvironment({ name: 'n'.repeat(81) }), status: 400, field: 'name', rule: /at most 80 characters/ },
  { name: 'name as a number', method: 'POST', path: environments, json: newEnvironment({ name: 42 }), status: 400, field: 'name', rule: /expected string, received number/ },
  { name: 'name as an array', method: 'POST', path: environments, json: newEnvironment({ name: ['a'] }), status: 400, field: 'name', rule: /expected string, received array/ },
  { name: 'name as a nested object', method: 'POST', path: environments, json: newEnvironment({ name: { text: 'a' } }), status: 400, field: 'name', rule: /expected string, received object/ },
  { name: 'unknown key', method: 'POST', path: environments, json: newEnvironment({ owner: 'me' }), status: 400, field: 'owner', rule: /Unrecognized key/ },
  { name: 'base URL that is not a URL', method: 'POST', path: environments, json: newEnvironment({ baseUrl: 'api dot x dot com' }), status: 400, field: 'baseUrl', rule: /must be a URL/ },
  { name: 'base URL that is not allowed', method: 'POST', path: environments, json: newEnvironment({ baseUrl: 'https://example.com' }), status: 400, field: 'baseUrl', rule: /is not an allowed upstream/ },
  { name: 'base URL with a path', method: 'POST', path: environments, json: newEnvironment({ baseUrl: 'https://api.x.com/2/users' }), status: 400, field: 'baseUrl', rule: /must be an origin without a path/ },
  { name: 'variables as an object', method: 'POST', path: environments, json: newEnvironment({ variables: { a: '1' } }), status: 400, field: 'variables', rule: /expected array, received object/ },
  { name: 'variable key with a space', method: 'POST', path: environments, json: newEnvironment({ variables: [{ key: 'my key', value: '1' }] }), status: 400, field: 'variables.0.key', rule: /must start with a letter/ },
  { name: 'variable value with CR LF', method: 'POST', path: environments, json: newEnvironment({ variables: [{ key: 'id', value: '1\r\nX-Injected: yes' }] }), status: 400, field: 'variables.0.value', rule: /control character U\+000D/ },
  { name: 'variable value of 4097 characters', method: 'POST', path: environments, json: newEnvironment({ variables: [{ key: 'id', value: '1'.repeat(4097) }] }), status: 400, field: 'variables.0.value', rule: /at most 4096 characters/ },
  { name: 'variable value as a number', method: 'POST', path: environments, json: newEnvironment({ variables: [{ key: 'id', value: 2244994945 }] }), status: 400, field: 'variables.0.value', rule: /expected string, received number/ },
  { name: 'duplicate variable keys', method: 'POST', path: environments, json: newEnvironment({ variables: [{ key: 'id', value: '1' }, { key: 'id', value: '2' }] }), status: 400, field: 'variables.1.key', rule: /appears more than once/ },
  { name: 'name that already exists', method: 'POST', path: environments, json: newEnvironment({ name: 'X Sandbox' }), status: 409, field: 'X Sandbox', rule: /already exists/ },
  { name: 'JSON array as the body', method: 'POST', path: environments, json: () => [newEnvironment({})()], status: 400, field: 'request body', rule: /expected object, received array/ },
  { name: '1 MB string', method: 'POST', path: environments, json: newEnvironment({ name: MEGABYTE }), status: 413, field: 'request body', rule: /larger than the limit of 65536 bytes/ },
  { name: 'invalid JSON', method: 'POST', path: environments, raw: '{"name": "Bad input", "baseUrl": ', status: 400, field: 'request body', rule: /not valid JSON/ },
  { name: 'wrong content type', method: 'POST', path: environments, raw: 'name=Bad+input&baseUrl=https://api.x.com', contentType: 'application/x-www-form-urlencoded', status: 415, field: 'Content-Type', rule: /must be application\/json/ },
  { name: 'invalid UTF-8', method: 'POST', path: environments, raw: Buffer.concat([Buffer.from('{"name":"Bad '), Buffer.from([0xff, 0xfe]), Buffer.from('","baseUrl":"https://api.x.com"}')]), status: 400, field: 'request body', rule: /not valid UTF-8/ },

  // Changing an environment.
  { name: 'patch of an unknown environment', method: 'PATCH', path: () => '/api/environments/no-such-environment', json: () => ({ name: 'Renamed' }), status: 404, field: 'No environment with ID "no-such-environment"', rule: /in this workspace/ },
  { name: 'patch with bad percent-encoding in the ID', method: 'PATCH', path: () => '/api/environments/%E0%A4%A', json: () => ({ name: 'Renamed' }), status: 400, field: 'URL', rule: /invalid percent-encoding/ },
  { name: 'patch of the sandbox base URL', method: 'PATCH', path: sandboxEnvironment, json: () => ({ baseUrl: 'https://api.x.com' }), status: 400, field: 'baseUrl', rule: /set by the server/ },
  { name: 'patch with LF in a variable', method: 'PATCH', path: environment, json: () => ({ variables: [{ key: 'id', value: '1\nX-Injected: yes' }] }), status: 400, field: 'variables.0.value', rule: /control character U\+000A/ },
  { name: 'patch with a rename to an existing name', method: 'PATCH', path: environment, json: () => ({ name: 'X API' }), status: 409, field: 'X API', rule: /already exists/ },
  { name: 'patch with duplicate variable keys', method: 'PATCH', path: environment, json: () => ({ variables: [{ key: 'fresh', value: '1' }, { key: 'fresh', value: '2' }] }), status: 400, field: 'variables.1.key', rule: /appears more than once/ },
  { name: 'patch with an unknown key', method: 'PATCH', path: environment, json: () => ({ kind: 'sandbox' }), status: 400, field: 'kind', rule: /Unrecognized key/ },

  // Sending a request.
  { name: 'send without environmentId', method: 'POST', path: sendPath, json: (t) => ({ ...send(t, {}), environmentId: undefined }), status: 400, field: 'environmentId', rule: /expected string, received undefined/ },
  { name: 'environmentId as a number', method: 'POST', path: sendPath, json: (t) => send(t, { environmentId: 7 }), status: 400, field: 'environmentId', rule: /expected string, received number/ },
  { name: 'unknown environmentId', method: 'POST', path: sendPath, json: (t) => send(t, { environmentId: 'no-such-environment' }), status: 404, field: 'No environment with ID', rule: /in this workspace/ },
  { name: 'unknown requestId', method: 'POST', path: sendPath, json: (t) => send(t, { requestId: 'delete-account' }), status: 400, field: 'requestId', rule: /is not a request of the collection/ },
  { name: 'ID with a space', method: 'POST', path: sendPath, json: (t) => send(t, { pathVariables: { id: '2244 994945' } }), status: 400, field: 'pathVariables.id', rule: /must be 1 to 19 digits.*remove the whitespace/ },
  { name: 'ID with a trailing space', method: 'POST', path: sendPath, json: (t) => send(t, { pathVariables: { id: `${TWITTER_DEV} ` } }), status: 400, field: 'pathVariables.id', rule: /remove the trailing whitespace/ },
  { name: 'ID with a leading +', method: 'POST', path: sendPath, json: (t) => send(t, { pathVariables: { id: `+${TWITTER_DEV}` } }), status: 400, field: 'pathVariables.id', rule: /remove the sign/ },
  { name: 'ID with a minus sign', method: 'POST', path: sendPath, json: (t) => send(t, { pathVariables: { id: `-${TWITTER_DEV}` } }), status: 400, field: 'pathVariables.id', rule: /remove the sign/ },
  { name: 'ID of 20 digits', method: 'POST', path: sendPath, json: (t) => send(t, { pathVariables: { id: '12345678901234567890' } }), status: 400, field: 'pathVariables.id', rule: /at most 19 digits/ },
  { name: 'ID in Arabic-Indic digits', method: 'POST', path: sendPath, json: (t) => send(t, { pathVariables: { id: '٢٢٤٤٩٩٤٩٤٥' } }), status: 400, field: 'pathVariables.id', rule: /ASCII digits 0 to 9/ },
  { name: 'ID in full-width digits', method: 'POST', path: sendPath, json: (t) => send(t, { pathVariables: { id: '２２４４' } }), status: 400, field: 'pathVariables.id', rule: /ASCII digits 0 to 9/ },
  { name: 'empty target ID', method: 'POST', path: sendPath, json: (t) => send(t, { requestId: 'unfollow', pathVariables: { target_user_id: '' } }), status: 400, field: 'pathVariables.target_user_id', rule: /is empty/ },
  { name: 'literal :id', method: 'POST', path: sendPath, json: (t) => send(t, { pathVariables: { id: ':id' } }), status: 400, field: 'pathVariables.id', rule: /path variable :id was not filled in/ },
  { name: 'unresolved {{id}}', method: 'POST', path: sendPath, json: (t) => send(t, { pathVariables: { id: '{{id}}' } }), status: 400, field: 'pathVariables.id', rule: /\{\{id\}\} is not defined/ },
  { name: 'variable that refers to itself', method: 'POST', path: sendPath, json: (t) => send(t, { environmentId: t.customId, pathVariables: { id: '{{loop}}' } }), status: 400, field: 'pathVariables.id', rule: /\{\{loop\}\} refers to itself/ },
  { name: 'variables that refer to each other', method: 'POST', path: sendPath, json: (t) => send(t, { environmentId: t.customId, pathVariables: { id: '{{ping}}' } }), status: 400, field: 'pathVariables.id', rule: /refers to itself through \{\{ping\}\} → \{\{pong\}\} → \{\{ping\}\}/ },
  { name: 'secret variable in the URL', method: 'POST', path: sendPath, json: (t) => send(t, { pathVariables: { id: '{{consumer_secret}}' } }), status: 400, field: 'pathVariables.id', rule: /is secret and is used only to sign requests/ },
  { name: 'path variables as an array', method: 'POST', path: sendPath, json: (t) => send(t, { pathVariables: [TWITTER_DEV] }), status: 400, field: 'pathVariables', rule: /expected record, received array/ },
  { name: 'ID as a number', method: 'POST', path: sendPath, json: (t) => send(t, { pathVariables: { id: 2244994945 } }), status: 400, field: 'pathVariables.id', rule: /expected string, received number/ },
  { name: 'ID as a nested object', method: 'POST', path: sendPath, json: (t) => send(t, { pathVariables: { id: { id: TWITTER_DEV } } }), status: 400, field: 'pathVariables.id', rule: /expected string, received object/ },
  { name: 'unknown path variable', method: 'POST', path: sendPath, json: (t) => send(t, { pathVariables: { user: TWITTER_DEV } }), status: 400, field: 'pathVariables.user', rule: /is not a path variable/ },
  { name: 'unknown top-level key', method: 'POST', path: sendPath, json: (t) => send(t, { retries: 3 }), status: 400, field: 'retries', rule: /Unrecognized key/ },
  { name: 'query as an object', method: 'POST', path: sendPath, json: (t) => send(t, { query: { max_results: '5' } }), status: 400, field: 'query', rule: /expected array, received object/ },
  { name: 'duplicate query keys', method: 'POST', path: sendPath, json: (t) => send(t, { query: [{ key: 'max_results', value: '5', enabled: true }, { key: 'max_results', value: '6', enabled: true }] }), status: 400, field: 'query.1.key', rule: /appears more than once/ },
  { name: 'CR LF in a query value', method: 'POST', path: sendPath, json: (t) => send(t, { query: [{ key: 'user.fields', value: 'id\r\nX-Injected: yes', enabled: true }] }), status: 400, field: 'query.0.value', rule: /control character U\+000D/ },
  { name: 'target_user_id as a number', method: 'POST', path: sendPath, json: (t) => send(t, { requestId: 'follow', body: `{"target_user_id": 1588987262754234368}` }), status: 400, field: 'body.target_user_id', rule: /must be a string.*got the number 1588987262754234368/ },
  { name: 'target_user_id as a nested object', method: 'POST', path: sendPath, json: (t) => send(t, { requestId: 'follow', body: `{"target_user_id": {"id": "${TWITTER_DEV}"}}` }), status: 400, field: 'body.target_user_id', rule: /must be a string of 1 to 19 digits; got a value of type object/ },
  { name: 'target_user_id of 20 digits', method: 'POST', path: sendPath, json: (t) => send(t, { requestId: 'follow', body: '{"target_user_id": "12345678901234567890"}' }), status: 400, field: 'body.target_user_id', rule: /at most 19 digits/ },
  { name: 'body that is not JSON', method: 'POST', path: sendPath, json: (t) => send(t, { requestId: 'follow', body: '{target_user_id: 2244994945}' }), status: 400, field: 'body', rule: /is not valid JSON/ },
  { name: 'body that is a JSON array', method: 'POST', path: sendPath, json: (t) => send(t, { requestId: 'follow', body: `["${TWITTER_DEV}"]` }), status: 400, field: 'body', rule: /must be a JSON object/ },
  { name: 'body on a request without one', method: 'POST', path: sendPath, json: (t) => send(t, { requestId: 'unfollow', pathVariables: { target_user_id: TWITTER_DEV }, body: '{}' }), status: 400, field: 'body', rule: /must be null/ },
  { name: 'username with @', method: 'POST', path: sendPath, json: (t) => send(t, { requestId: 'user-by-username', pathVariables: { username: '@XDevelopers' } }), status: 400, field: 'pathVariables.username', rule: /must not start with "@"/ },
  { name: 'username of 16 characters', method: 'POST', path: sendPath, json: (t) => send(t, { requestId: 'user-by-username', pathVariables: { username: 'a'.repeat(16) } }), status: 400, field: 'pathVariables.username', rule: /1 to 15 letters, digits or underscores/ },
  { name: '1 MB path variable', method: 'POST', path: sendPath, json: (t) => send(t, { pathVariables: { id: MEGABYTE } }), status: 413, field: 'request body', rule: /larger than the limit/ },
];

let workbench: TestWorkbench;
let session: SessionInfo;
let cookie: string;
let targets: Targets;

beforeAll(async () => {
  workbench = await startTestWorkbench();
  const response = await fetch(`${workbench.url}/api/session`);
  cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  session = (await response.json()) as SessionInfo;
  const listed = (await call('GET', '/api/environments')).json as EnvironmentView[];
  const created = await call('POST', '/api/environments', {
    json: {
      name: 'Bad input target',
      baseUrl: 'https://api.x.com',
      variables: [
        { key: 'loop', value: '{{loop}}' },
        { key: 'ping', value: '{{pong}}' },
        { key: 'pong', value: '{{ping}}' },
      ],
    },
  });
  targets = { sandboxId: listed.find((candidate) => candidate.kind === 'sandbox')!.id, customId: (created.json as EnvironmentView).id };
});

afterAll(async () => {
  await workbench.stop();
});

function call(method: string, path: string, body: { json?: unknown; raw?: string | Buffer; contentType?: string } = {}): Promise<RawResponse> {
  const headers: Record<string, string> = { cookie, 'x-csrf-token': session.csrfToken, 'content-type': body.contentType ?? 'application/json' };

  return sendRawRequest(workbench.url, {
    method,
    target: path,
    headers,
    ...(body.json === undefined ? {} : { body: JSON.stringify(body.json) }),
    ...(body.raw === undefined ? {} : { body: body.raw }),
  });
}

/** Everything a bad input could change: the stored environments and the sandbox's follow counts. */
async function storedState(): Promise<string> {
  const listed = await call('GET', '/api/environments');
  const portal = (await (await fetch(`${workbench.sandboxUrl}/portal.json`)).json()) as { users: unknown[] };

  return JSON.stringify({ environments: listed.json, users: portal.users });
}

describe('bad input to the workbench API', () => {
  it('has at least 40 cases', () => {
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CATALOGUE.map((row) => [row.name, row] as const))('rejects %s', async (_name, row) => {
    const before = await storedState();

    const response = await call(row.method, row.path(targets), {
      ...(row.json === undefined ? {} : { json: row.json(targets) }),
      ...(row.raw === undefined ? {} : { raw: row.raw }),
      ...(row.contentType === undefined ? {} : { contentType: row.contentType }),
    });
    const message = (response.json as ApiErrorBody | undefined)?.error.message ?? `(no JSON error body: ${response.text.slice(0, 200)})`;

    expect(response.status, message).toBe(row.status);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(message).toContain(row.field);
    expect(message).toMatch(row.rule);
    expect(await storedState()).toBe(before);
  });
});
