import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, EnvironmentView, SendResult } from '../../shared/api.ts';
import { type ApiClient, startTestWorkbench, type TestWorkbench } from '../testing/test-workbench.ts';

let workbench: TestWorkbench;
let alice: ApiClient;
let bob: ApiClient;
let aliceEnvironment: EnvironmentView;

beforeAll(async () => {
  workbench = await startTestWorkbench({ WORKBENCH_TEAM_MODE: '1', WORKBENCH_SENDS_PER_MINUTE: '5' });
  alice = await workbench.newClient();
  bob = await workbench.newClient();
  aliceEnvironment = (
    await alice.request<EnvironmentView>('POST', '/api/environments', {
      name: 'Alice only',
      baseUrl: 'https://api.x.com',
      variables: [{ key: 'consumer_secret', value: 'alice-secret-value-0001' }],
    })
  ).json;
});

afterAll(async () => {
  await workbench.stop();
});

describe('team mode', () => {
  it('reports team mode in the session', () => {
    expect(alice.session.mode).toBe('team');
  });

  it('gives each session its own default environments', async () => {
    const aliceIds = (await alice.environments()).map((environment) => environment.id);
    const bobEnvironments = await bob.environments();

    expect(bobEnvironments.map((environment) => environment.name)).toEqual(['X Sandbox', 'X API']);
    expect(bobEnvironments.some((environment) => aliceIds.includes(environment.id))).toBe(false);
  });

  describe("another session's environment", () => {
    it('cannot be read by ID', async () => {
      const { status } = await bob.request<ApiErrorBody>('GET', `/api/environments/${aliceEnvironment.id}`);

      expect(status).toBe(404);
    });

    it('cannot be changed by ID', async () => {
      const { status } = await bob.request('PATCH', `/api/environments/${aliceEnvironment.id}`, { name: 'Taken' });
      const stillAlice = await alice.request<EnvironmentView>('GET', `/api/environments/${aliceEnvironment.id}`);

      expect(status).toBe(404);
      expect(stillAlice.json.name).toBe('Alice only');
    });

    it('cannot be used to send', async () => {
      const { status } = await bob.send({ environmentId: aliceEnvironment.id, requestId: 'me' });

      expect(status).toBe(404);
    });

    it('cannot be deleted by ID', async () => {
      const { status } = await bob.request('DELETE', `/api/environments/${aliceEnvironment.id}`);
      const stillThere = await alice.request('GET', `/api/environments/${aliceEnvironment.id}`);

      expect(status).toBe(404);
      expect(stillThere.status).toBe(200);
    });
  });

  it("rejects one session's CSRF token in another session", async () => {
    const { status } = await bob.request('POST', '/api/environments', { name: 'Forged', baseUrl: 'https://api.x.com' }, {
      'x-csrf-token': alice.session.csrfToken,
    });

    expect(status).toBe(403);
  });

  describe('send rate limit', () => {
    it('stops a runaway loop with 429 after the per-minute limit, per workspace', async () => {
      const sandbox = await alice.environmentNamed('X Sandbox');
      const statuses: number[] = [];
      for (let index = 0; index < 6; index++) {
        statuses.push((await alice.send<SendResult>({ environmentId: sandbox.id, requestId: 'me' })).status);
      }
      const bobSandbox = await bob.environmentNamed('X Sandbox');
      const bobStatus = (await bob.send({ environmentId: bobSandbox.id, requestId: 'me' })).status;

      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      expect(bobStatus).toBe(200);
    });
  });
});
