import { describe, expect, it } from 'vitest';
import type { EnvironmentView } from '../../../../../shared/api.ts';
import { buildSnippetRequest, fillPublicVariables } from './snippet-request.ts';

const environment = {
  variables: [
    { key: 'target', secret: false, enabled: true, value: '2244994945', set: true, hint: null },
    { key: 'consumer_secret', secret: true, enabled: true, value: null, set: true, hint: '…ab12' },
    { key: 'off', secret: false, enabled: false, value: 'x', set: true, hint: null },
  ],
} as unknown as EnvironmentView;

describe('fillPublicVariables', () => {
  it('fills public values and keeps secret and disabled ones as references', () => {
    expect(fillPublicVariables('{{target}} {{consumer_secret}} {{off}} {{missing}}', environment)).toBe('2244994945 {{consumer_secret}} {{off}} {{missing}}');
  });
});

describe('buildSnippetRequest', () => {
  it('drops an empty body', () => {
    expect(buildSnippetRequest('Me', 'GET', 'https://api.x.com/2/users/me', '  ', 'oauth1', environment).body).toBeNull();
  });
});
