import { describe, expect, it } from 'vitest';

import { PaginationTokens } from './pagination.ts';

const tokens = new PaginationTokens(Buffer.alloc(32, 7));

describe('PaginationTokens', () => {
  it('looks like an X token', () => {
    expect(tokens.encode('followers:1', { direction: 'older', sequence: 12 })).toMatch(/^[A-Z2-7]{16}$/);
  });

  it('decodes what it encoded', () => {
    for (const cursor of [
      { direction: 'older', sequence: 1 },
      { direction: 'newer', sequence: 281_474_976_710_655 },
    ] as const) {
      const token = tokens.encode('following:42', cursor);

      expect(tokens.decode('following:42', token)).toEqual(cursor);
    }
  });

  it('rejects a token of another list', () => {
    const token = tokens.encode('followers:1', { direction: 'older', sequence: 12 });

    expect(tokens.decode('followers:2', token)).toBeUndefined();
    expect(tokens.decode('following:1', token)).toBeUndefined();
  });

  it('rejects a token from another key', () => {
    const token = new PaginationTokens(Buffer.alloc(32, 8)).encode('followers:1', { direction: 'older', sequence: 12 });

    expect(tokens.decode('followers:1', token)).toBeUndefined();
  });

  it('rejects changed and malformed tokens', () => {
    const token = tokens.encode('followers:1', { direction: 'older', sequence: 12 });
    const changed = (token[0] === 'A' ? 'B' : 'A') + token.slice(1);

    expect(tokens.decode('followers:1', changed)).toBeUndefined();
    expect(tokens.decode('followers:1', token.toLowerCase())).toBeUndefined();
    expect(tokens.decode('followers:1', token.slice(1))).toBeUndefined();
    expect(tokens.decode('followers:1', 'DFEDBNRFT3MHCZZZ')).toBeUndefined();
  });
});
