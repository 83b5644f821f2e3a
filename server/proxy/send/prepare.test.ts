import { describe, expect, it } from 'vitest';
import type { SendRequest } from '../../../shared/api.ts';
import { findBuiltinRequest } from '../../../shared/collection.ts';
import { ApiError } from '../../http/errors.ts';
import type { ResolvedVariable } from '../environments/store.ts';
import { encodeRfc3986, prepareRequest } from './prepare.ts';

const ORIGIN = 'http://127.0.0.1:4001';
const TOKEN_USER = '1588987262754234368';

function variables(entries: Array<Partial<ResolvedVariable> & { key: string; value: string }>): Map<string, ResolvedVariable> {
  return new Map(entries.map((entry) => [entry.key, { secret: false, enabled: true, ...entry }]));
}

const baseVariables = variables([
  { key: 'access_token', value: `${TOKEN_USER}-abcdef`, secret: true },
  { key: 'consumer_secret', value: 'hunter2hunter2', secret: true },
  { key: 'target', value: '2244994945' },
  { key: 'alias', value: '{{target}}' },
  { key: 'loop_a', value: '{{loop_b}}' },
  { key: 'loop_b', value: '{{loop_a}}' },
  { key: 'self', value: '{{self}}' },
  { key: 'off', value: '1', enabled: false },
]);

function prepare(requestId: string, input: Partial<SendRequest>, vars = baseVariables) {
  const definition = findBuiltinRequest(requestId)!;
  return prepareRequest({
    definition,
    input: { environmentId: 'env', requestId, pathVariables: {}, query: [], body: null, ...input },
    origin: ORIGIN,
    environmentName: 'X Sandbox',
    variables: vars,
  });
}

function errorOf(action: () => unknown): ApiError {
  try {
    action();
  } catch (error) {
    if (error instanceof ApiError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected an ApiError');
}

describe('prepareRequest', () => {
  describe('path variables', () => {
    it('fills an empty id from the access token prefix', () => {
      const prepared = prepare('follow', { body: '{"target_user_id":"2244994945"}' });

      expect(prepared.url).toBe(`${ORIGIN}/2/users/${TOKEN_USER}/following`);
    });

    it('keeps a 19-digit ID above 2^53 exact', () => {
      const prepared = prepare('unfollow', { pathVariables: { target_user_id: '9223372036854775807' } });

      expect(prepared.path).toBe(`/2/users/${TOKEN_USER}/following/9223372036854775807`);
    });

    it('resolves variables, also nested ones', () => {
      const prepared = prepare('unfollow', { pathVariables: { source_user_id: '1', target_user_id: '{{alias}}' } });

      expect(prepared.path).toBe('/2/users/1/following/2244994945');
    });

    it('reports a trailing space instead of trimming it', () => {
      const error = errorOf(() => prepare('following', { pathVariables: { id: '2244994945 ' } }));

      expect(error.details.field).toBe('pathVariables.id');
      expect(error.message).toBe('pathVariables.id must be 1 to 19 digits; got "2244994945 " (remove the trailing whitespace)');
    });

    it.each([
      ['+2244994945', 'remove the sign'],
      ['12345678901234567890', 'at most 19 digits'],
      ['١٢٣', 'ASCII digits'],
      [':id', 'was not filled in'],
    ])('rejects %j with a hint: %s', (value, hint) => {
      const error = errorOf(() => prepare('following', { pathVariables: { id: value } }));

      expect(error.code).toBe('invalid_request');
      expect(error.message).toContain(hint);
    });

    it('rejects a path variable the request does not have', () => {
      const error = errorOf(() => prepare('me', { pathVariables: { id: '1' } }));

      expect(error.message).toBe('pathVariables.id is not a path variable of "Authenticated user lookup" (its path variables: none)');
    });

    it('checks usernames with the username rule', () => {
      const error = errorOf(() => prepare('user-by-username', { pathVariables: { username: '@TwitterDev' } }));

      expect(error.message).toBe('pathVariables.username must not start with "@"; got "@TwitterDev" (use TwitterDev)');
    });

    it('explains an empty id when the token has no user ID prefix', () => {
      const vars = variables([{ key: 'access_token', value: 'no-prefix-token', secret: true }]);

      const error = errorOf(() => prepare('followers', {}, vars));

      expect(error.message).toContain('has no numeric user ID prefix');
    });
  });

  describe('variables', () => {
    it('rejects an undefined variable, naming it and the environment', () => {
      const error = errorOf(() => prepare('following', { pathVariables: { id: '{{missing}}' } }));

      expect(error.message).toBe(
        'pathVariables.id: the variable {{missing}} is not defined in environment "X Sandbox" (add or enable it in Manage environments, or type the value)',
      );
    });

    it('rejects a disabled variable', () => {
      const error = errorOf(() => prepare('following', { pathVariables: { id: '{{off}}' } }));

      expect(error.message).toContain('{{off}} is disabled');
    });

    it('rejects a variable that refers to itself', () => {
      const error = errorOf(() => prepare('following', { pathVariables: { id: '{{self}}' } }));

      expect(error.message).toContain('refers to itself through {{self}} → {{self}}');
    });

    it('rejects a reference cycle', () => {
      const error = errorOf(() => prepare('following', { pathVariables: { id: '{{loop_a}}' } }));

      expect(error.message).toContain('{{loop_a}} → {{loop_b}} → {{loop_a}}');
    });

    it('rejects a value that nested variables blow up', () => {
      const entries = [{ key: 'a0', value: 'X'.repeat(1000) }];
      for (let level = 1; level <= 5; level++) {
        entries.push({ key: `a${level}`, value: `{{a${level - 1}}}`.repeat(10) });
      }
      const vars = variables([...baseVariables.values(), ...entries]);

      const error = errorOf(() =>
        prepare('followers', { pathVariables: { id: '1' }, query: [{ key: 'pagination_token', value: '{{a5}}', enabled: true }] }, vars),
      );

      expect(error.details.field).toBe('query.0.value');
      expect(error.message).toContain('over the limit of 16384');
    });

    it('never resolves a secret into the URL', () => {
      const error = errorOf(() =>
        prepare('following', { pathVariables: { id: '1' }, query: [{ key: 'x', value: '{{consumer_secret}}', enabled: true }] }),
      );

      expect(error.message).toContain('is secret');
      expect(error.message).not.toContain('hunter2');
    });
  });

  describe('query', () => {
    it('sends only enabled rows, RFC 3986 encoded', () => {
      const prepared = prepare('followers', {
        pathVariables: { id: '2244994945' },
        query: [
          { key: 'user.fields', value: 'created_at,public_metrics', enabled: true },
          { key: 'max_results', value: '10', enabled: false },
          { key: 'note', value: "a b+c!*'()", enabled: true },
        ],
      });

      expect(prepared.url).toBe(
        `${ORIGIN}/2/users/2244994945/followers?user.fields=created_at%2Cpublic_metrics&note=a%20b%2Bc%21%2A%27%28%29`,
      );
      expect(prepared.query).toEqual([
        ['user.fields', 'created_at,public_metrics'],
        ['note', "a b+c!*'()"],
      ]);
    });

    it('rejects a duplicate key', () => {
      const error = errorOf(() =>
        prepare('followers', {
          pathVariables: { id: '1' },
          query: [
            { key: 'max_results', value: '10', enabled: true },
            { key: 'max_results', value: '20', enabled: true },
          ],
        }),
      );

      expect(error.details.field).toBe('query.1.key');
    });

    it('rejects a line break that could inject a header', () => {
      const error = errorOf(() =>
        prepare('followers', { pathVariables: { id: '1' }, query: [{ key: 'a', value: 'x\r\nInjected: 1', enabled: true }] }),
      );

      expect(error.message).toContain('control character U+000D');
    });
  });

  describe('body', () => {
    it('passes a valid follow body through unchanged', () => {
      const body = '{\n  "target_user_id": "{{target}}"\n}';

      const prepared = prepare('follow', { body });

      expect(prepared.body).toBe('{\n  "target_user_id": "2244994945"\n}');
    });

    it('reports a numeric target_user_id with its digits as written', () => {
      const error = errorOf(() => prepare('follow', { body: '{"target_user_id": 1588987262754234368}' }));

      expect(error.details.field).toBe('body.target_user_id');
      expect(error.message).toContain('got the number 1588987262754234368');
    });

    it('rejects target_user_id given twice', () => {
      const error = errorOf(() => prepare('follow', { body: '{"target_user_id":"2244994945","target_user_id":"1"}' }));

      expect(error.message).toBe('body contains target_user_id more than once (keep one)');
    });

    it('reports invalid JSON', () => {
      const error = errorOf(() => prepare('follow', { body: '{"target_user_id": "1"' }));

      expect(error.message).toMatch(/^body is not valid JSON/);
    });

    it('rejects a JSON array', () => {
      const error = errorOf(() => prepare('follow', { body: '["1"]' }));

      expect(error.message).toContain('must be a JSON object');
    });

    it('rejects a body on a request without one', () => {
      const error = errorOf(() => prepare('me', { body: '{"a":1}' }));

      expect(error.details.field).toBe('body');
    });
  });
});

describe('encodeRfc3986', () => {
  it.each([
    ['Ladies + Gentlemen', 'Ladies%20%2B%20Gentlemen'],
    ['An encoded string!', 'An%20encoded%20string%21'],
    ['Dogs, Cats & Mice', 'Dogs%2C%20Cats%20%26%20Mice'],
    ['☃', '%E2%98%83'],
    ['-._~', '-._~'],
    ["!*'()", '%21%2A%27%28%29'],
  ])('encodes %j as %j', (input, expected) => {
    expect(encodeRfc3986(input)).toBe(expected);
  });
});
