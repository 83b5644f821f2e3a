import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, EnvironmentView } from '../../../shared/api.ts';
import { type ApiClient, startTestWorkbench, type TestWorkbench } from '../../testing/test-workbench.ts';

const SECRET = 'Zq7-distinctive-consumer-secret-Wv93';
const TOKEN = '42424242-distinctive-access-token-Kp11';

let workbench: TestWorkbench;
let client: ApiClient;

beforeAll(async () => {
  workbench = await startTestWorkbench();
  client = await workbench.newClient();
});

afterAll(async () => {
  await workbench.stop();
});

async function createEnvironment(name: string, variables: unknown[] = []) {
  return client.request<EnvironmentView>('POST', '/api/environments', { name, baseUrl: 'https://api.x.com', variables });
}

function variable(environment: EnvironmentView, key: string) {
  return environment.variables.find((candidate) => candidate.key === key);
}

describe('environments API', () => {
  describe('on first start', () => {
    it('has X Sandbox and X API', async () => {
      const names = (await client.environments()).map((environment) => environment.name);

      expect(names).toEqual(['X Sandbox', 'X API']);
    });

    it('has empty keys in X API', async () => {
      const xApi = await client.environmentNamed('X API');

      expect(xApi.baseUrl).toBe('https://api.x.com');
      expect(xApi.variables.map((entry) => [entry.key, entry.set])).toEqual([
        ['consumer_key', false],
        ['consumer_secret', false],
        ['access_token', false],
        ['token_secret', false],
        ['bearer_token', false],
        ['client_id', false],
        ['client_secret', false],
      ]);
    });
  });

  describe('secrets', () => {
    it('accepts a secret and returns only set and a hint', async () => {
      const { status, json, text } = await createEnvironment('Secret holder', [
        { key: 'consumer_secret', value: SECRET },
        { key: 'access_token', value: TOKEN },
      ]);

      expect(status).toBe(201);
      expect(variable(json, 'consumer_secret')).toEqual({ key: 'consumer_secret', secret: true, enabled: true, value: null, set: true, hint: '…Wv93' });
      expect(json.tokenUserId).toBe('42424242');
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(TOKEN);
    });

    it('keeps a secret when the update omits its value, and clears it with ""', async () => {
      const created = (await createEnvironment('Keep and clear', [{ key: 'consumer_secret', value: SECRET }])).json;

      const kept = await client.request<EnvironmentView>('PATCH', `/api/environments/${created.id}`, {
        variables: [{ key: 'consumer_secret' }],
      });
      const cleared = await client.request<EnvironmentView>('PATCH', `/api/environments/${created.id}`, {
        variables: [{ key: 'consumer_secret', value: '' }],
      });

      expect(variable(kept.json, 'consumer_secret')!.set).toBe(true);
      expect(variable(cleared.json, 'consumer_secret')!.set).toBe(false);
    });

    it('stores secrets encrypted in the database file', async () => {
      await createEnvironment('On disk', [{ key: 'token_secret', value: SECRET }]);

      const bytes = Buffer.concat(
        fs
          .readdirSync(workbench.dataDir)
          .filter((file) => file.startsWith('workbench.db'))
          .map((file) => fs.readFileSync(path.join(workbench.dataDir, file))),
      );

      expect(bytes.includes(Buffer.from(SECRET))).toBe(false);
    });

    it('never lists a secret value from GET', async () => {
      const { text } = await client.request('GET', '/api/environments');

      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(TOKEN);
    });

    it('never writes a secret to the log', () => {
      const log = workbench.logLines.join('');

      expect(log).not.toContain(SECRET);
      expect(log).not.toContain(TOKEN);
    });

    it('marks a free variable secret when asked', async () => {
      const { json } = await createEnvironment('Free secret', [{ key: 'my_key', value: SECRET, secret: true }]);

      expect(variable(json, 'my_key')).toMatchObject({ secret: true, value: null, set: true });
    });

    it('shows a plain free variable value', async () => {
      const { json } = await createEnvironment('Free plain', [{ key: 'target', value: '2244994945' }]);

      expect(variable(json, 'target')).toMatchObject({ secret: false, value: '2244994945', set: true, hint: null });
    });
  });

  describe('bad input', () => {
    it('rejects a base URL that is not an allowed upstream and stores nothing', async () => {
      const before = await client.environments();

      const { status, json } = await client.request<ApiErrorBody>('POST', '/api/environments', {
        name: 'Evil',
        baseUrl: 'https://evil.example',
      });

      expect(status).toBe(400);
      expect(json.error.code).toBe('upstream_not_allowed');
      expect(json.error.message).toContain('WORKBENCH_ALLOWED_UPSTREAMS');
      expect(await client.environments()).toEqual(before);
    });

    it.each([
      ['http://api.x.com', 'not an allowed upstream'],
      ['https://user:pass@api.x.com', 'must not contain a user name or password'],
      ['https://api.x.com:8443', 'not an allowed upstream'],
      ['https://api.x.com/2/users', 'without a path'],
      ['not a url', 'must be a URL'],
    ])('rejects the base URL %j', async (baseUrl, message) => {
      const { status, json } = await client.request<ApiErrorBody>('POST', '/api/environments', { name: 'Bad base', baseUrl });

      expect(status).toBe(400);
      expect(json.error.message).toContain(message);
      expect(json.error.field).toBe('baseUrl');
    });

    it.each([['a right-to-left override', '\u202Eevil'], ['a line break', 'two\nlines'], ['a NUL character', 'nul\u0000']])(
      'rejects a name with %s',
      async (_label, name) => {
        const { status, json } = await client.request<ApiErrorBody>('POST', '/api/environments', { name, baseUrl: 'https://api.x.com' });

        expect(status).toBe(400);
        expect(json.error.field).toBe('name');
      },
    );

    it('rejects a javascript: base URL naming the scheme', async () => {
      const { status, json } = await client.request<ApiErrorBody>('POST', '/api/environments', { name: 'Script', baseUrl: 'javascript:alert(1)' });

      expect(status).toBe(400);
      expect(json.error.message).toContain('must start with https://');
      expect(json.error.message).not.toContain('use null');
    });

    it('rejects a duplicate name with 409', async () => {
      const { status, json } = await createEnvironment('X API');

      expect(status).toBe(409);
      expect(json).toEqual({ error: { code: 'conflict', field: 'name', message: 'An environment named "X API" already exists (choose another name)' } });
    });

    it('rejects an unknown key in the body', async () => {
      const { status, json } = await client.request<ApiErrorBody>('POST', '/api/environments', {
        name: 'Strict',
        baseUrl: 'https://api.x.com',
        colour: 'red',
      });

      expect(status).toBe(400);
      expect(json.error.message).toContain('colour');
    });

    it('rejects a variable value with a line break, keeping the stored state', async () => {
      const created = (await createEnvironment('Line break', [{ key: 'consumer_key', value: 'good-key-value-1234' }])).json;

      const { status, json } = await client.request<ApiErrorBody>('PATCH', `/api/environments/${created.id}`, {
        variables: [{ key: 'consumer_key', value: 'bad\r\nX-Injected: 1' }],
      });
      const after = (await client.request<EnvironmentView>('GET', `/api/environments/${created.id}`)).json;

      expect(status).toBe(400);
      expect(json.error.field).toBe('variables.0.value');
      expect(json.error.message).not.toContain('X-Injected');
      expect(variable(after, 'consumer_key')!.hint).toBe('…1234');
    });

    it('rejects a bad variable key naming it', async () => {
      const { status, json } = await createEnvironment('Bad key', [{ key: 'has space', value: '1' }]);

      expect(status).toBe(400);
      expect(json).toMatchObject({ error: { field: 'variables.0.key' } });
    });

    it('refuses to change the sandbox base URL', async () => {
      const sandbox = await client.environmentNamed('X Sandbox');

      const { status } = await client.request('PATCH', `/api/environments/${sandbox.id}`, { baseUrl: 'https://api.x.com' });

      expect(status).toBe(400);
    });
  });

  describe('delete', () => {
    it('deletes an environment, then reports it not found', async () => {
      const created = (await createEnvironment('Short-lived')).json;

      const deleted = await client.request('DELETE', `/api/environments/${created.id}`);
      const again = await client.request<ApiErrorBody>('DELETE', `/api/environments/${created.id}`);

      expect(deleted.status).toBe(204);
      expect(again.status).toBe(404);
    });
  });

  describe('after a restart', () => {
    it('keeps environments and secrets', async () => {
      const created = (await createEnvironment('Survivor', [{ key: 'consumer_secret', value: SECRET }])).json;
      await workbench.close(1000);

      const restarted = await startTestWorkbench({}, { dataDir: workbench.dataDir });
      try {
        const again = await restarted.newClient();
        const environments = await again.environments();
        const survivor = environments.find((environment) => environment.id === created.id)!;

        expect(survivor.name).toBe('Survivor');
        expect(variable(survivor, 'consumer_secret')).toMatchObject({ set: true, hint: '…Wv93' });
      } finally {
        await restarted.close(1000);
      }
    });
  });
});
