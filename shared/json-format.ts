/**
 * JSON tokenizing and pretty-printing that keep every token's text exactly as received. Going
 * through JSON.parse and JSON.stringify would turn 1588987262754234368 into 1588987262754234400,
 * so the viewer re-indents the original tokens instead.
 */

export type JsonTokenKind = 'key' | 'string' | 'number' | 'literal' | 'punctuation';

/** One token of JSON text; `start` and `end` are offsets into that text (end exclusive). */
export interface JsonToken {
  kind: JsonTokenKind;
  text: string;
  start: number;
  end: number;
}

/** A token of pretty-printed output: the original tokens plus the inserted whitespace. */
export interface PrettyToken {
  kind: JsonTokenKind | 'whitespace';
  text: string;
}

/** One property of a top-level JSON object, with the span of its value in the original text. */
export interface JsonProperty {
  key: string;
  keyToken: JsonToken;
  /** First token of the value: a scalar, or the opening bracket of an object or array. */
  valueToken: JsonToken;
  valueEnd: number;
}

const NUMBER_PATTERN = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const LITERAL_PATTERN = /true|false|null/y;
const STRING_PATTERN = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const WHITESPACE_PATTERN = /[ \t\n\r]+/y;

type Expectation = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';

/**
 * Splits JSON text into tokens and checks the grammar (RFC 8259). Keys get the kind `key`.
 * Returns null when the text is not valid JSON, including empty text.
 */
export function tokenizeJson(text: string): JsonToken[] | null {
  const tokens = lexJson(text);
  if (tokens === null) {
    return null;
  }

  const containers: Array<'{' | '['> = [];
  let expected: Expectation = 'value';

  const afterValue = (): Expectation => (containers.length === 0 ? 'end' : 'comma-or-close');

  for (const token of tokens) {
    const symbol = token.kind === 'punctuation' ? token.text : null;
    const top = containers[containers.length - 1];

    if (expected === 'end' || expected === 'colon') {
      if (expected === 'end' || symbol !== ':') {
        return null;
      }
      expected = 'value';
      continue;
    }

    if (expected === 'key' || expected === 'key-or-close') {
      if (expected === 'key-or-close' && symbol === '}') {
        containers.pop();
        expected = afterValue();
        continue;
      }
      if (token.kind !== 'string') {
        return null;
      }
      token.kind = 'key';
      expected = 'colon';
      continue;
    }

    if (expected === 'comma-or-close') {
      if (symbol === ',') {
        expected = top === '{' ? 'key' : 'value';
        continue;
      }
      if ((symbol === '}' && top === '{') || (symbol === ']' && top === '[')) {
        containers.pop();
        expected = afterValue();
        continue;
      }
      return null;
    }

    // expected is 'value' or 'value-or-close'
    if (expected === 'value-or-close' && symbol === ']') {
      containers.pop();
      expected = afterValue();
      continue;
    }
    if (symbol === '{') {
      containers.push('{');
      expected = 'key-or-close';
      continue;
    }
    if (symbol === '[') {
      containers.push('[');
      expected = 'value-or-close';
      continue;
    }
    if (symbol !== null) {
      return null;
    }
    expected = afterValue();
  }

  return expected === 'end' ? tokens : null;
}

/** Re-indents JSON text, keeping each token's text as it was. Returns null for invalid JSON. */
export function formatJson(text: string, indent = '  '): string | null {
  const pretty = formatJsonTokens(text, indent);

  return pretty === null ? null : pretty.map((token) => token.text).join('');
}

/** Re-indents JSON text into tokens that a viewer can colour. Returns null for invalid JSON. */
export function formatJsonTokens(text: string, indent = '  '): PrettyToken[] | null {
  const tokens = tokenizeJson(text);
  if (tokens === null) {
    return null;
  }

  const output: PrettyToken[] = [];
  let depth = 0;
  const newline = (): void => {
    output.push({ kind: 'whitespace', text: '\n' + indent.repeat(depth) });
  };

  tokens.forEach((token, index) => {
    const next = tokens[index + 1];
    const opens = token.text === '{' || token.text === '[';
    const closes = token.text === '}' || token.text === ']';

    if (token.kind !== 'punctuation') {
      output.push({ kind: token.kind, text: token.text });
      return;
    }
    if (opens && next !== undefined && (next.text === '}' || next.text === ']')) {
      // An empty object or array stays on one line: "{}" or "[]".
      output.push({ kind: 'punctuation', text: token.text });
      return;
    }
    if (closes && index > 0 && (tokens[index - 1]!.text === '{' || tokens[index - 1]!.text === '[')) {
      output.push({ kind: 'punctuation', text: token.text });
      return;
    }
    if (opens) {
      output.push({ kind: 'punctuation', text: token.text });
      depth += 1;
      newline();
      return;
    }
    if (closes) {
      depth -= 1;
      newline();
      output.push({ kind: 'punctuation', text: token.text });
      return;
    }
    if (token.text === ',') {
      output.push({ kind: 'punctuation', text: ',' });
      newline();
      return;
    }
    output.push({ kind: 'punctuation', text: ':' });
    output.push({ kind: 'whitespace', text: ' ' });
  });

  return output;
}

/**
 * Lists the properties of a top-level JSON object with the exact text of their values. Returns
 * null when the text is not valid JSON or not an object.
 */
export function readTopLevelProperties(text: string): JsonProperty[] | null {
  const tokens = tokenizeJson(text);
  if (tokens === null || tokens[0]?.text !== '{') {
    return null;
  }

  const properties: JsonProperty[] = [];
  let depth = 0;
  let current: JsonProperty | null = null;

  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    const opens = token.kind === 'punctuation' && (token.text === '{' || token.text === '[');
    const closes = token.kind === 'punctuation' && (token.text === '}' || token.text === ']');

    if (depth === 1 && token.kind === 'key') {
      const valueToken = tokens[index + 2]!;
      current = { key: JSON.parse(token.text) as string, keyToken: token, valueToken, valueEnd: valueToken.end };
      properties.push(current);
    }
    if (opens) {
      depth += 1;
    }
    if (closes) {
      depth -= 1;
      if (depth === 1 && current !== null) {
        current.valueEnd = token.end;
      }
    }
  }

  return properties;
}

function lexJson(text: string): JsonToken[] | null {
  const tokens: JsonToken[] = [];
  let position = 0;

  while (position < text.length) {
    const char = text[position]!;

    WHITESPACE_PATTERN.lastIndex = position;
    if (WHITESPACE_PATTERN.test(text)) {
      position = WHITESPACE_PATTERN.lastIndex;
      continue;
    }
    if ('{}[]:,'.includes(char)) {
      tokens.push({ kind: 'punctuation', text: char, start: position, end: position + 1 });
      position += 1;
      continue;
    }

    const match = matchAt(STRING_PATTERN, text, position, 'string') ??
      matchAt(NUMBER_PATTERN, text, position, 'number') ??
      matchAt(LITERAL_PATTERN, text, position, 'literal');
    if (match === null) {
      return null;
    }
    tokens.push(match);
    position = match.end;
  }

  return tokens.length === 0 ? null : tokens;
}

function matchAt(pattern: RegExp, text: string, position: number, kind: JsonTokenKind): JsonToken | null {
  pattern.lastIndex = position;
  const match = pattern.exec(text);
  if (match === null || match[0] === '') {
    return null;
  }

  return { kind, text: match[0], start: position, end: position + match[0].length };
}
