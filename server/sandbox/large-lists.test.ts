import { describe, expect, it } from 'vitest';

import { FollowGraph } from './graph.ts';
import { seedGraph, SEEDED_USER_IDS } from './seed.ts';
import { SandboxHarness } from './test-harness.ts';

// Speed is measured by `npm run bench`, not here: these machines are shared and timings are noisy.
describe('large follower lists', () => {
  it('adds 100,000 generated followers', () => {
    const graph = new FollowGraph();
    seedGraph(graph);

    const ids = graph.addGeneratedFollowers(SEEDED_USER_IDS.twitterDev, 100_000);

    expect(ids).toHaveLength(100_000);
    expect(new Set(ids).size).toBe(100_000);
    expect(graph.countFollowers(SEEDED_USER_IDS.twitterDev)).toBe(100_005);
  });

  it('serves pages of a 100,000-follower list over HTTP', async () => {
    const harness = await SandboxHarness.start();
    try {
      harness.sandbox.state.graph.addGeneratedFollowers(SEEDED_USER_IDS.kenTests, 100_000);
      const target = `/2/users/${SEEDED_USER_IDS.kenTests}/followers?max_results=1000`;

      const first = await harness.withBearer('GET', target);
      const firstMeta = (first.json as { meta: { result_count: number; next_token: string } }).meta;
      const second = await harness.withBearer('GET', `${target}&pagination_token=${firstMeta.next_token}`);

      expect(first.status).toBe(200);
      expect(firstMeta.result_count).toBe(1000);
      expect((second.json as { meta: { result_count: number; previous_token: string } }).meta).toMatchObject({ result_count: 1000 });
    } finally {
      await harness.close();
    }
  });
});
