import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestWorkbench, type TestWorkbench } from '../testing/test-workbench.ts';

let workbench: TestWorkbench;

beforeAll(async () => {
  workbench = await startTestWorkbench();
});

afterAll(async () => {
  await workbench.stop();
});

describe('request log', () => {
  it('logs the full path of a routed API call', async () => {
    const client = await workbench.newClient();

    await client.request('GET', '/api/environments');
    const lines = workbench.logLines.map((line) => JSON.parse(line) as { msg: string; path?: string; status?: number });
    const logged = lines.filter((line) => line.msg === 'request').map((line) => line.path);

    expect(logged).toContain('/api/environments');
    expect(logged).toContain('/api/session');
  });
});
