import { describe, expect, it } from 'vitest';

import { formatJson, formatJsonTokens, readTopLevelProperties, tokenizeJson } from './json-format.ts';

describe('formatJson', () => {
  it('keeps all 19 digits of a large ID', () => {
    expect(formatJson('{"id":1588987262754234368}')).toBe('{\n  "id": 1588987262754234368\n}');
  });

  it('keeps number spellings as written', () => {
    expect(formatJson('[1.50,-0,2E+3,1e-7]')).toBe('[\n  1.50,\n  -0,\n  2E+3,\n  1e-7\n]');
  });

  it('keeps string escapes as written', () => {
    expect(formatJson('{"a":"\\u00e9\\n\\"x\\""}')).toBe('{\n  "a": "\\u00e9\\n\\"x\\""\n}');
  });

  it('indents nested objects and arrays', () => {
    const text = '{"data":[{"id":"1","name":"A"}],"meta":{"result_count":1}}';
    const expected = [
      '{',
      '  "data": [',
      '    {',
      '      "id": "1",',
      '      "name": "A"',
      '    }',
      '  ],',
      '  "meta": {',
      '    "result_count": 1',
      '  }',
      '}',
    ].join('\n');

    expect(formatJson(text)).toBe(expected);
  });

  it('keeps empty containers on one line', () => {
    expect(formatJson('{"a":{},"b":[ ]}')).toBe('{\n  "a": {},\n  "b": []\n}');
  });

  it('re-indents already formatted text', () => {
    expect(formatJson('{\n\t"a" :  true\r\n}')).toBe('{\n  "a": true\n}');
  });

  it('accepts a top-level scalar', () => {
    expect(formatJson(' "text" ')).toBe('"text"');
  });

  it('uses the given indent', () => {
    expect(formatJson('[1]', '    ')).toBe('[\n    1\n]');
  });

  it.each([
    ['empty text', ''],
    ['whitespace only', '  \n'],
    ['plain text', 'Service Unavailable'],
    ['HTML', '<html></html>'],
    ['trailing comma in object', '{"a":1,}'],
    ['trailing comma in array', '[1,]'],
    ['missing colon', '{"a" 1}'],
    ['unquoted key', '{a:1}'],
    ['single quotes', "{'a':1}"],
    ['leading zero', '[01]'],
    ['bare minus', '-'],
    ['two top-level values', '{} {}'],
    ['unclosed object', '{"a":1'],
    ['mismatched brackets', '{"a":[1}'],
    ['number key', '{1:2}'],
    ['raw newline in string', '"a\nb"'],
    ['invalid escape', '"\\x41"'],
    ['unquoted variable', '{"target_user_id":{{target}}}'],
    ['NaN', '[NaN]'],
  ])('returns null for %s', (_name, text) => {
    expect(formatJson(text)).toBeNull();
  });

  it('handles deep nesting without recursion', () => {
    const depth = 20_000;
    const text = '['.repeat(depth) + ']'.repeat(depth);

    expect(formatJson(text, '')).not.toBeNull();
  });
});

describe('formatJsonTokens', () => {
  it('marks keys, strings, numbers, literals and punctuation', () => {
    const tokens = formatJsonTokens('{"id":"12","n":3,"ok":true,"x":null}') ?? [];
    const kinds = tokens.filter((token) => token.kind !== 'whitespace').map((token) => `${token.kind}:${token.text}`);

    expect(kinds).toEqual([
      'punctuation:{',
      'key:"id"',
      'punctuation::',
      'string:"12"',
      'punctuation:,',
      'key:"n"',
      'punctuation::',
      'number:3',
      'punctuation:,',
      'key:"ok"',
      'punctuation::',
      'literal:true',
      'punctuation:,',
      'key:"x"',
      'punctuation::',
      'literal:null',
      'punctuation:}',
    ]);
  });

  it('marks a string in an array as a string, not a key', () => {
    const tokens = formatJsonTokens('["a"]') ?? [];

    expect(tokens.find((token) => token.text === '"a"')?.kind).toBe('string');
  });
});

describe('tokenizeJson', () => {
  it('gives offsets into the original text', () => {
    const text = '{ "a" : 12 }';
    const number = tokenizeJson(text)?.find((token) => token.kind === 'number');

    expect(number).toEqual({ kind: 'number', text: '12', start: 8, end: 10 });
  });
});

describe('readTopLevelProperties', () => {
  it('reads a string value with its span', () => {
    const text = '{\n  "target_user_id": "2244994945"\n}';
    const [property] = readTopLevelProperties(text) ?? [];

    expect(property?.key).toBe('target_user_id');
    expect(property?.valueToken.kind).toBe('string');
    expect(text.slice(property?.valueToken.start, property?.valueEnd)).toBe('"2244994945"');
  });

  it('reads a large number without losing digits', () => {
    const [property] = readTopLevelProperties('{"target_user_id":1588987262754234368}') ?? [];

    expect(property?.valueToken.text).toBe('1588987262754234368');
  });

  it('spans a nested value to its closing bracket', () => {
    const text = '{"a":{"b":[1,2]},"c":3}';
    const properties = readTopLevelProperties(text) ?? [];

    expect(properties.map((property) => property.key)).toEqual(['a', 'c']);
    expect(text.slice(properties[0]?.valueToken.start, properties[0]?.valueEnd)).toBe('{"b":[1,2]}');
  });

  it('decodes escaped keys', () => {
    const [property] = readTopLevelProperties('{"target\\u005fuser_id":"1"}') ?? [];

    expect(property?.key).toBe('target_user_id');
  });

  it('returns null for an array', () => {
    expect(readTopLevelProperties('[1]')).toBeNull();
  });

  it('returns null for invalid JSON', () => {
    expect(readTopLevelProperties('{"a":')).toBeNull();
  });

  it('returns an empty list for an empty object', () => {
    expect(readTopLevelProperties('{}')).toEqual([]);
  });
});
