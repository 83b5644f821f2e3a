import { describe, expect, it } from 'vitest';

import type { EnvironmentView, VariableView } from '../../../../../shared/api.ts';
import {
  buildEnvironmentUpdate,
  createEnvironmentForm,
  describeSecretStatus,
  environmentFormReducer,
  locateServerField,
  type EnvironmentForm,
  type FormAction,
} from './variable-form.ts';

function secret(key: string, hint: string | null): VariableView {
  return { key, secret: true, enabled: true, value: null, set: true, hint };
}

function environment(overrides: Partial<EnvironmentView> = {}): EnvironmentView {
  return {
    id: 'env-1',
    name: 'X API',
    kind: 'custom',
    baseUrl: 'https://api.x.com',
    authType: 'oauth1',
    tokenUserId: null,
    oauth2: null,
    variables: [],
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

function run(form: EnvironmentForm, actions: FormAction[]): EnvironmentForm {
  return actions.reduce(environmentFormReducer, form);
}

describe('createEnvironmentForm', () => {
  it('lists the seven well-known variables first', () => {
    const form = createEnvironmentForm(environment());

    expect(form.rows.map((row) => row.key)).toEqual([
      'consumer_key',
      'consumer_secret',
      'access_token',
      'token_secret',
      'bearer_token',
      'client_id',
      'client_secret',
    ]);
    expect(form.rows.every((row) => row.value === '')).toBe(true);
  });

  it('lists client_id as a non-secret variable', () => {
    const form = createEnvironmentForm(environment());

    expect(form.rows.filter((row) => !row.secret).map((row) => row.key)).toEqual(['client_id']);
  });

  it('leaves out an empty client_id that was never stored', () => {
    const form = createEnvironmentForm(environment());

    const { changes } = buildEnvironmentUpdate(form, environment());

    expect(changes.variables).toEqual([]);
  });

  it('sends the chosen auth type', () => {
    const form = run(createEnvironmentForm(environment()), [{ type: 'set-auth-type', authType: 'oauth2' }]);

    const { changes } = buildEnvironmentUpdate(form, environment());

    expect(changes.authType).toBe('oauth2');
  });

  it('keeps stored secrets out of the inputs', () => {
    const form = createEnvironmentForm(environment({ variables: [secret('consumer_secret', '…ab12')] }));
    const row = form.rows.find((entry) => entry.key === 'consumer_secret');

    expect(row?.value).toBe('');
    expect(row?.stored).toEqual({ set: true, hint: '…ab12' });
  });

  it('shows the value of a non-secret variable', () => {
    const variables: VariableView[] = [{ key: 'target', secret: false, enabled: true, value: '2244994945', set: true, hint: null }];
    const row = createEnvironmentForm(environment({ variables })).rows.at(-1);

    expect(row).toMatchObject({ key: 'target', value: '2244994945', wellKnown: false });
  });
});

describe('buildEnvironmentUpdate', () => {
  it('omits the value of an untouched stored secret', () => {
    const env = environment({ variables: [secret('consumer_key', '…wxyz')] });
    const { changes } = buildEnvironmentUpdate(createEnvironmentForm(env), env);

    expect(changes.variables).toEqual([{ key: 'consumer_key', secret: true, enabled: true }]);
  });

  it('leaves out unset well-known secrets', () => {
    const env = environment();

    expect(buildEnvironmentUpdate(createEnvironmentForm(env), env).changes.variables).toEqual([]);
  });

  it('sends a typed secret', () => {
    const env = environment();
    const form = run(createEnvironmentForm(env), [{ type: 'set-value', rowId: 'stored-access_token', value: '370773112-abc' }]);

    expect(buildEnvironmentUpdate(form, env).changes.variables).toEqual([
      { key: 'access_token', secret: true, enabled: true, value: '370773112-abc' },
    ]);
  });

  it('sends "" for a cleared secret', () => {
    const env = environment({ variables: [secret('token_secret', '…1234')] });
    const form = run(createEnvironmentForm(env), [{ type: 'clear-secret', rowId: 'stored-token_secret' }]);

    expect(buildEnvironmentUpdate(form, env).changes.variables).toEqual([{ key: 'token_secret', secret: true, enabled: true, value: '' }]);
  });

  it('keeps a secret again after typing and erasing', () => {
    const env = environment({ variables: [secret('token_secret', '…1234')] });
    const form = run(createEnvironmentForm(env), [
      { type: 'set-value', rowId: 'stored-token_secret', value: 'x' },
      { type: 'set-value', rowId: 'stored-token_secret', value: '' },
    ]);

    expect(buildEnvironmentUpdate(form, env).changes.variables).toEqual([{ key: 'token_secret', secret: true, enabled: true }]);
  });

  it('sends added variables and skips blank rows', () => {
    const env = environment();
    const form = run(createEnvironmentForm(env), [
      { type: 'add-row' },
      { type: 'set-key', rowId: 'added-1', key: 'target' },
      { type: 'set-value', rowId: 'added-1', value: '2244994945' },
      { type: 'add-row' },
    ]);
    const { changes, rowIdByIndex } = buildEnvironmentUpdate(form, env);

    expect(changes.variables).toEqual([{ key: 'target', secret: false, enabled: true, value: '2244994945' }]);
    expect(rowIdByIndex).toEqual(['added-1']);
  });

  it('forces secret for a credential key', () => {
    const env = environment();
    const form = run(createEnvironmentForm(env), [
      { type: 'add-row' },
      { type: 'set-key', rowId: 'added-1', key: 'client_secret' },
      { type: 'set-secret', rowId: 'added-1', secret: false },
    ]);

    expect(form.rows.at(-1)?.secret).toBe(true);
  });

  it('keeps the typed value when Secret is ticked after typing', () => {
    const env = environment();
    const form = run(createEnvironmentForm(env), [
      { type: 'add-row' },
      { type: 'set-key', rowId: 'added-1', key: 'webhook_secret' },
      { type: 'set-value', rowId: 'added-1', value: 'typed-before-ticking' },
      { type: 'set-secret', rowId: 'added-1', secret: true },
    ]);

    const { changes } = buildEnvironmentUpdate(form, env);

    expect(changes.variables).toEqual([{ key: 'webhook_secret', secret: true, enabled: true, value: 'typed-before-ticking' }]);
  });

  it('does not rename a well-known variable', () => {
    const form = run(createEnvironmentForm(environment()), [{ type: 'set-key', rowId: 'stored-consumer_key', key: 'other' }]);

    expect(form.rows[0]?.key).toBe('consumer_key');
  });

  it('sends the base URL only for custom environments', () => {
    const sandbox = environment({ kind: 'sandbox' });

    expect(buildEnvironmentUpdate(createEnvironmentForm(sandbox), sandbox).changes).not.toHaveProperty('baseUrl');
    expect(buildEnvironmentUpdate(createEnvironmentForm(environment()), environment()).changes.baseUrl).toBe('https://api.x.com');
  });
});

describe('describeSecretStatus', () => {
  it.each([
    [{ set: true, hint: '…ab12' }, 'set …ab12'],
    [{ set: true, hint: null }, 'set'],
    [{ set: false, hint: null }, 'not set'],
  ])('describes %o', (stored, text) => {
    expect(describeSecretStatus(stored)).toBe(text);
  });
});

describe('locateServerField', () => {
  it.each([
    ['variables.1.value', { rowId: 'b' }],
    ['variables[0].key', { rowId: 'a' }],
    ['baseUrl', { input: 'baseUrl' }],
    ['name', { input: 'name' }],
    ['variables.5.key', null],
    ['other', null],
  ])('locates %s', (field, expected) => {
    expect(locateServerField(field, ['a', 'b'])).toEqual(expected);
  });
});
