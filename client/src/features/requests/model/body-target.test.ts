import { describe, expect, it } from 'vitest';

import { readBodyTarget, writeBodyTarget } from './body-target.ts';

describe('readBodyTarget', () => {
  it('reads a string target', () => {
    expect(readBodyTarget('{"target_user_id":"2244994945"}')).toEqual({ state: 'string', value: '2244994945' });
  });

  it('reads a number target as written', () => {
    expect(readBodyTarget('{"target_user_id": 1588987262754234368}')).toEqual({
      state: 'not-string',
      kind: 'number',
      text: '1588987262754234368',
    });
  });

  it('reports a missing target', () => {
    expect(readBodyTarget('{}')).toEqual({ state: 'missing' });
  });

  it('reports invalid JSON', () => {
    expect(readBodyTarget('{"target_user_id": }')).toEqual({ state: 'invalid-json' });
  });

  it('reports an array body', () => {
    expect(readBodyTarget('["2244994945"]')).toEqual({ state: 'not-object' });
  });

  it('ignores a nested target', () => {
    expect(readBodyTarget('{"x":{"target_user_id":"1"}}')).toEqual({ state: 'missing' });
  });
});

describe('writeBodyTarget', () => {
  it('replaces only the value, keeping the layout', () => {
    const body = '{\n  "target_user_id": ""\n}';

    expect(writeBodyTarget(body, '2244994945')).toBe('{\n  "target_user_id": "2244994945"\n}');
  });

  it('replaces a number with a string', () => {
    expect(writeBodyTarget('{"target_user_id":1588987262754234368}', '1588987262754234368')).toBe(
      '{"target_user_id":"1588987262754234368"}',
    );
  });

  it('keeps a trailing space as typed', () => {
    expect(writeBodyTarget('{"target_user_id":""}', '3456 ')).toBe('{"target_user_id":"3456 "}');
  });

  it('escapes quotes in the value', () => {
    expect(writeBodyTarget('{"target_user_id":""}', 'a"b')).toBe('{"target_user_id":"a\\"b"}');
  });

  it('adds the property to an empty object', () => {
    expect(writeBodyTarget('{}', '12')).toBe('{\n  "target_user_id": "12"\n}');
  });

  it('adds the property before the others', () => {
    expect(writeBodyTarget('{"a":1}', '12')).toBe('{\n  "target_user_id": "12","a":1}');
  });

  it('returns null for invalid JSON', () => {
    expect(writeBodyTarget('{"target_user_id":', '12')).toBeNull();
  });

  it('round-trips through readBodyTarget', () => {
    const written = writeBodyTarget('{"target_user_id":"1"}', '{{target}}') ?? '';

    expect(readBodyTarget(written)).toEqual({ state: 'string', value: '{{target}}' });
  });
});
