import { timingSafeEqual } from 'node:crypto';

/** Compares two strings in time that depends only on their length, for secrets and tokens. */
export function equalInConstantTime(left: string, right: string): boolean {
  const leftBytes = Buffer.from(left, 'utf8');
  const rightBytes = Buffer.from(right, 'utf8');

  return leftBytes.length === rightBytes.length && timingSafeEqual(leftBytes, rightBytes);
}
