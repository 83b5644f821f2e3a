/**
 * Opaque pagination tokens that look like X's (16 upper-case base32 characters, such as
 * DFEDBNRFT3MHCZZZ). A token stores a direction and the sequence number of the edge where the
 * current page ended. A 24-bit HMAC tag binds it to its list, so a made-up token or one from another
 * list is rejected, except for a 1 in 2^24 chance. The payload is XORed with a mask derived from the
 * tag, so that tokens do not show their mostly-zero sequence numbers.
 */
import { createHmac } from 'node:crypto';

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const TOKEN_PATTERN = /^[A-Z2-7]{16}$/;
const TOKEN_VERSION = 1;
const SEQUENCE_BYTES = 6;
const TAG_BYTES = 3;

/** `older` continues past the oldest entry shown (next_token); `newer` goes back (previous_token). */
export type PageDirection = 'older' | 'newer';

export interface PageCursor {
  direction: PageDirection;
  /** Sequence number of the edge that the page starts after, in the token's direction. */
  sequence: number;
}

export class PaginationTokens {
  constructor(private readonly key: Buffer) {}

  /** Encodes a cursor for the list named by `listId`, such as `followers:2244994945`. */
  encode(listId: string, cursor: PageCursor): string {
    const payload = Buffer.alloc(1 + SEQUENCE_BYTES);
    payload[0] = (TOKEN_VERSION << 1) | (cursor.direction === 'newer' ? 1 : 0);
    payload.writeUIntBE(cursor.sequence, 1, SEQUENCE_BYTES);
    const tag = this.tag(listId, payload);

    return encodeBase32(Buffer.concat([this.applyMask(listId, tag, payload), tag]));
  }

  /** Returns the cursor, or undefined when the token is malformed or belongs to another list. */
  decode(listId: string, token: string): PageCursor | undefined {
    if (!TOKEN_PATTERN.test(token)) {
      return undefined;
    }
    const bytes = decodeBase32(token);
    const tag = bytes.subarray(1 + SEQUENCE_BYTES);
    const payload = this.applyMask(listId, tag, bytes.subarray(0, 1 + SEQUENCE_BYTES));
    if (!this.tag(listId, payload).equals(tag)) {
      return undefined;
    }
    const header = payload[0]!;
    if (header >> 1 !== TOKEN_VERSION) {
      return undefined;
    }

    return { direction: (header & 1) === 1 ? 'newer' : 'older', sequence: payload.readUIntBE(1, SEQUENCE_BYTES) };
  }

  /** XORs the payload with a keystream derived from the tag; applying it twice restores the payload. */
  private applyMask(listId: string, tag: Buffer, payload: Buffer): Buffer {
    const mask = createHmac('sha256', this.key).update('mask\u0000').update(listId).update('\u0000').update(tag).digest();

    return Buffer.from(payload.map((byte, index) => byte ^ mask[index]!));
  }

  private tag(listId: string, payload: Buffer): Buffer {
    return createHmac('sha256', this.key).update(listId).update('\u0000').update(payload).digest().subarray(0, TAG_BYTES);
  }
}

/** RFC 4648 base32 without padding; 10 bytes give exactly 16 characters. */
function encodeBase32(bytes: Buffer): string {
  let output = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      output += BASE32_ALPHABET[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) {
    output += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  }

  return output;
}

/** Decodes base32 text that already matched TOKEN_PATTERN. */
function decodeBase32(text: string): Buffer {
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of text) {
    buffer = (buffer << 5) | BASE32_ALPHABET.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 255);
    }
    buffer &= (1 << bits) - 1;
  }

  return Buffer.from(bytes);
}
