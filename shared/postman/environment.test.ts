import { describe, expect, it } from 'vitest';
import type { VariableView } from '../api.ts';
import { buildTestEnvironment } from '../testing/postman-builders.ts';
import { exportEnvironment, isPlaceholderValue, normalizeEnvironment } from './environment.ts';
import { PostmanImportError } from './normalize.ts';

function importError(action: () => unknown): PostmanImportError {
  try {
    action();
  } catch (error) {
    if (error instanceof PostmanImportError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a PostmanImportError');
}

describe('isPlaceholderValue', () => {
  it.each([
    'Your consumer key',
    'your access token',
    'YOUR_API_KEY',
    'insert-your-token',
    '<access token>',
    '[token]',
    'xxxx',
    '***',
    'changeme',
    'Paste the token here',
    'Enter key',
    '   ',
    '',
  ])('treats %j as a placeholder', (value) => {
    expect(isPlaceholderValue(value)).toBe(true);
  });

  it.each([
    '1588987262754234368-Xm2bGf0KqYzTn9u',
    'AAAAAAAAAAAAAAAAAAAAAMLheAAAAAAA0%2BuSeid',
    'xvz1evFS4wEEPTGEFPHBog',
    '2244994945',
    'https://api.x.com',
    'yourself',
  ])('keeps %j as a real value', (value) => {
    expect(isPlaceholderValue(value)).toBe(false);
  });

  it('treats null as a placeholder', () => {
    expect(isPlaceholderValue(null)).toBe(true);
  });
});

describe('normalizeEnvironment', () => {
  it('imports placeholders as unset and keeps real values', () => {
    const environment = normalizeEnvironment(buildTestEnvironment(), 'env.json');

    expect(environment.name).toBe('Workbench test environment');
    expect(environment.placeholderKeys).toEqual(['consumer_key', 'consumer_secret', 'access_token']);
    expect(environment.variables).toEqual([
      { key: 'consumer_key', value: '', secret: true, enabled: true },
      { key: 'consumer_secret', value: '', secret: true, enabled: true },
      { key: 'access_token', value: '', secret: true, enabled: true },
      { key: 'token_secret', value: '', secret: true, enabled: true },
      { key: 'bearer_token', value: '', secret: true, enabled: true },
      { key: 'target_user_id', value: '2244994945', secret: false, enabled: true },
      { key: 'api_note', value: 'kept as typed', secret: false, enabled: false },
    ]);
  });

  it('reads base_url as the base URL', () => {
    const file = buildTestEnvironment();
    (file.values as unknown[]).push({ key: 'base_url', value: 'https://api.twitter.com', enabled: true });

    const environment = normalizeEnvironment(file, 'env.json');

    expect(environment.baseUrl).toBe('https://api.twitter.com');
    expect(environment.variables.map((variable) => variable.key)).not.toContain('base_url');
  });

  it('marks a variable of Postman type secret as secret', () => {
    const environment = normalizeEnvironment({ name: 'E', values: [{ key: 'my_key', value: 'abc', type: 'secret' }] }, 'env.json');

    expect(environment.variables).toEqual([{ key: 'my_key', value: 'abc', secret: true, enabled: true }]);
  });

  it('rejects a variable name the workbench cannot store, naming its path', () => {
    const error = importError(() => normalizeEnvironment({ name: 'E', values: [{ key: 'has space', value: '1' }] }, 'env.json'));

    expect(error.path).toBe('values[0].key');
    expect(error.message).toContain('got "has space"');
  });

  it('rejects a line break in a value', () => {
    const error = importError(() => normalizeEnvironment({ name: 'E', values: [{ key: 'a', value: 'x\ny' }] }, 'env.json'));

    expect(error.message).toBe('env.json: values[0].value of a contains the control character U+000A at position 1 (remove line breaks and tabs)');
  });

  it('rejects a collection file', () => {
    const error = importError(() => normalizeEnvironment({ info: {}, item: [] }, 'c.json'));

    expect(error.message).toBe('c.json is a Postman collection, not an environment (import it as a collection)');
  });

  it('rejects a file without values', () => {
    const error = importError(() => normalizeEnvironment({ name: 'E' }, 'e.json'));

    expect(error.path).toBe('values');
  });

  it('names the path of a value without a key', () => {
    const error = importError(() => normalizeEnvironment({ name: 'E', values: [{ key: 'a' }, { value: 'b' }] }, 'e.json'));

    expect(error.message).toBe('e.json is not a valid Postman environment: values[1].key: missing');
  });
});

describe('exportEnvironment', () => {
  const variables: VariableView[] = [
    { key: 'consumer_key', secret: true, enabled: true, value: null, set: true, hint: '…ab12' },
    { key: 'target_user_id', secret: false, enabled: true, value: '2244994945', set: true, hint: null },
    { key: 'off', secret: false, enabled: false, value: 'x', set: true, hint: null },
  ];

  it('writes secrets empty and the base URL as base_url', () => {
    const exported = exportEnvironment({ name: 'Mine', baseUrl: 'https://api.x.com', variables }, new Date('2026-01-02T03:04:05Z'));

    expect(exported).toEqual({
      name: 'Mine',
      values: [
        { key: 'base_url', value: 'https://api.x.com', type: 'default', enabled: true },
        { key: 'consumer_key', value: '', type: 'secret', enabled: true },
        { key: 'target_user_id', value: '2244994945', type: 'default', enabled: true },
        { key: 'off', value: 'x', type: 'default', enabled: false },
      ],
      _postman_variable_scope: 'environment',
      _postman_exported_at: '2026-01-02T03:04:05.000Z',
      _postman_exported_using: 'X API Workbench',
    });
  });

  it('round-trips through normalizeEnvironment', () => {
    const exported = exportEnvironment({ name: 'Mine', baseUrl: 'https://api.x.com', variables }, new Date());

    const environment = normalizeEnvironment(exported, 'mine.json');

    expect(environment.baseUrl).toBe('https://api.x.com');
    expect(environment.variables).toEqual([
      { key: 'consumer_key', value: '', secret: true, enabled: true },
      { key: 'target_user_id', value: '2244994945', secret: false, enabled: true },
      { key: 'off', value: 'x', secret: false, enabled: false },
    ]);
  });
});
