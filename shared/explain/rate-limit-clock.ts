/** Moves x-rate-limit-reset, which is on the server's clock, onto the local clock. */
import type { HeaderList } from '../api.ts';
import { readDateHeader } from './response-facts.ts';

/**
 * Returns the reset in local milliseconds. The Date header gives the server's time when it
 * responded, so a wrong local clock does not shift the result. Without a Date header, the reset is
 * taken as is.
 */
export function computeLocalReset(resetSeconds: number, headers: HeaderList, receivedAtMs: number): number {
  const serverMs = readDateHeader(headers);

  return serverMs === null ? resetSeconds * 1000 : receivedAtMs + (resetSeconds * 1000 - serverMs);
}
