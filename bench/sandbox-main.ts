/**
 * A standalone X sandbox for the benchmark, with rate limits off. Reads the seed from
 * BENCH_SANDBOX_SEED and, from BENCH_FOLLOWERS ("userId:count,..."), how many generated followers
 * to add to which seeded users. Prints "bench-ready URL" once it listens on 127.0.0.1.
 */
import { startSandbox } from '../server/sandbox/index.ts';

function parseFollowers(value: string): Array<[string, number]> {
  if (value === '') {
    return [];
  }

  return value.split(',').map((entry) => {
    const match = /^([0-9]{1,19}):([0-9]{1,7})$/.exec(entry);
    if (!match) {
      throw new Error(`BENCH_FOLLOWERS entries must look like 9876543210:100000; got ${JSON.stringify(entry)}`);
    }
    return [match[1]!, Number(match[2])];
  });
}

const seed = process.env.BENCH_SANDBOX_SEED ?? '';
if (seed === '') {
  throw new Error('BENCH_SANDBOX_SEED is missing; set it to any non-empty string');
}
const followers = parseFollowers(process.env.BENCH_FOLLOWERS ?? '');

const sandbox = await startSandbox({ seed, host: '127.0.0.1', port: 0, rateLimits: 'off' });
for (const [userId, count] of followers) {
  sandbox.state.graph.addGeneratedFollowers(userId, count);
}
console.log(`bench-ready ${sandbox.url}`);

process.once('SIGTERM', () => {
  void sandbox.close().then(() => process.exit(0));
});
