import { describe, expect, it } from 'vitest';

import { EdgeList } from './edge-list.ts';
import { FollowGraph } from './graph.ts';
import { seedGraph, SEEDED_USER_IDS } from './seed.ts';
import { SandboxHarness } from './test-harness.ts';

/** Pages through the list from a cursor in the middle `rounds` times and returns the elapsed ms. */
function timePages(list: EdgeList, middleSequence: number, rounds: number): number {
  const started = performance.now();
  for (let round = 0; round < rounds; round += 1) {
    const page = list.pageOlderThan(middleSequence, 100);
    list.pageNewerThan(page.oldestSequence!, 100);
  }

  return performance.now() - started;
}

function listWith(count: number): EdgeList {
  const list = new EdgeList();
  for (let index = 1; index <= count; index += 1) {
    list.add(String(index), index);
  }

  return list;
}

describe('paging performance', () => {
  it('adds 100,000 generated followers in under a second', () => {
    const graph = new FollowGraph();
    seedGraph(graph);

    const started = performance.now();
    const ids = graph.addGeneratedFollowers(SEEDED_USER_IDS.twitterDev, 100_000);
    const elapsed = performance.now() - started;

    expect(ids).toHaveLength(100_000);
    expect(graph.countFollowers(SEEDED_USER_IDS.twitterDev)).toBe(100_005);
    expect(elapsed).toBeLessThan(1000);
  });

  it('costs the same for 1,000 and 100,000 entries', () => {
    const small = listWith(1_000);
    const large = listWith(100_000);
    timePages(small, 500, 200);
    timePages(large, 50_000, 200);

    const smallMs = timePages(small, 500, 2_000);
    const largeMs = timePages(large, 50_000, 2_000);

    // Copying or sorting the list per page would make the large list about 100 times slower.
    expect(largeMs).toBeLessThan(smallMs * 5 + 20);
  });

  it('serves pages of a 100,000-follower list over HTTP', async () => {
    const harness = await SandboxHarness.start();
    try {
      harness.sandbox.state.graph.addGeneratedFollowers(SEEDED_USER_IDS.kenTests, 100_000);
      const target = `/2/users/${SEEDED_USER_IDS.kenTests}/followers?max_results=1000`;

      const first = await harness.withBearer('GET', target);
      const firstMeta = (first.json as { meta: { result_count: number; next_token: string } }).meta;
      const started = performance.now();
      const second = await harness.withBearer('GET', `${target}&pagination_token=${firstMeta.next_token}`);
      const elapsed = performance.now() - started;

      expect(first.status).toBe(200);
      expect(firstMeta.result_count).toBe(1000);
      expect((second.json as { meta: { result_count: number; previous_token: string } }).meta).toMatchObject({ result_count: 1000 });
      expect(elapsed).toBeLessThan(500);
    } finally {
      await harness.close();
    }
  });
});
