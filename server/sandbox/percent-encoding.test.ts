import { describe, expect, it } from 'vitest';

import { parseFormEncoded, percentEncode, PercentDecodingError } from './percent-encoding.ts';
import { PERCENT_ENCODING_VECTORS } from './test-vectors.ts';

describe('percentEncode', () => {
  it.each(PERCENT_ENCODING_VECTORS)('encodes $expected ($source)', ({ input, expected }) => {
    expect(percentEncode(input)).toBe(expected);
  });

  it('encodes a character outside the BMP as four UTF-8 bytes', () => {
    expect(percentEncode('😀')).toBe('%F0%9F%98%80');
  });
});

describe('parseFormEncoded', () => {
  it('reads + as a space and decodes escapes', () => {
    expect(parseFormEncoded('a=x+y&b=%E2%98%83%2B')).toEqual([
      ['a', 'x y'],
      ['b', '☃+'],
    ]);
  });

  it('keeps repeated names and empty values in order', () => {
    expect(parseFormEncoded('a=&a=1&flag&c%40=')).toEqual([
      ['a', ''],
      ['a', '1'],
      ['flag', ''],
      ['c@', ''],
    ]);
  });

  it('keeps = signs after the first in the value', () => {
    expect(parseFormEncoded('b5=%3D%253D&x==y')).toEqual([
      ['b5', '=%3D'],
      ['x', '=y'],
    ]);
  });

  it('skips empty segments', () => {
    expect(parseFormEncoded('&a=1&&b=2&')).toEqual([
      ['a', '1'],
      ['b', '2'],
    ]);
  });

  it('rejects a stray percent sign', () => {
    expect(() => parseFormEncoded('a=100%')).toThrow(PercentDecodingError);
  });

  it('rejects escapes that are not UTF-8', () => {
    expect(() => parseFormEncoded('a=%FF')).toThrow(PercentDecodingError);
  });
});
