/**
 * Sizes of the long reliability tests. `npm test` runs them small, so that the suite stays quick;
 * `npm run test:soak` sets SOAK=1 and runs them at full size.
 */
export const SOAK = process.env.SOAK === '1';

/** Times the kill test SIGKILLs the server in the middle of saves and sends. */
export const KILL_ROUNDS = SOAK ? 50 : 5;

/** Sends of the load test, and how many clients send them concurrently. */
export const LOAD_SENDS = SOAK ? 10_000 : 1_000;
export const LOAD_CLIENTS = SOAK ? 64 : 16;
