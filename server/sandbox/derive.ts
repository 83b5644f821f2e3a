/**
 * Derives stable fake credentials from the sandbox seed with HMAC-SHA256, so the same seed gives the
 * same keys and tokens after every restart and different seeds share none.
 */
import { createHmac } from 'node:crypto';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const DIGITS = '0123456789';
const BASE64URL = `${ALPHANUMERIC}-_`;

/** Returns `length` bytes of HMAC-SHA256(seed, label) output, extended with a block counter. */
function deriveBytes(seed: string, label: string, length: number): Buffer {
  const blocks: Buffer[] = [];
  for (let block = 0; blocks.length * 32 < length; block += 1) {
    blocks.push(createHmac('sha256', seed).update(`${label}\u0000${block}`).digest());
  }

  return Buffer.concat(blocks).subarray(0, length);
}

/**
 * Maps derived bytes onto the alphabet. The modulo makes some characters slightly more likely,
 * which does not matter for credentials that only the local sandbox accepts.
 */
function deriveString(seed: string, label: string, length: number, alphabet: string): string {
  let result = '';
  for (const byte of deriveBytes(seed, label, length)) {
    result += alphabet[byte % alphabet.length];
  }

  return result;
}

export function deriveAlphanumeric(seed: string, label: string, length: number): string {
  return deriveString(seed, label, length, ALPHANUMERIC);
}

/** Returns a string of base64url characters (`A-Z a-z 0-9 - _`), like the secrets of X's OAuth 2.0 clients. */
export function deriveBase64Url(seed: string, label: string, length: number): string {
  return deriveString(seed, label, length, BASE64URL);
}

/** Returns a decimal string of `length` digits without a leading zero. */
export function deriveDigits(seed: string, label: string, length: number): string {
  const first = deriveString(seed, `${label}/first`, 1, '123456789');

  return first + deriveString(seed, label, length - 1, DIGITS);
}

/** Returns a 32-byte key for a named purpose, such as signing pagination tokens. */
export function deriveKey(seed: string, purpose: string): Buffer {
  return deriveBytes(seed, `key:${purpose}`, 32);
}
