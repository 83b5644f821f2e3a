import { defineConfig } from 'vitest/config';

/**
 * `npm run test:soak`: only the reliability tests, at full size (SOAK=1 sets the counts in
 * server/reliability/soak.ts), one file at a time so that the kill test and the load test do not
 * compete for the CPU.
 */
export default defineConfig({
  test: {
    include: ['server/reliability/**/*.test.ts'],
    environment: 'node',
    env: { SOAK: '1' },
    fileParallelism: false,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
