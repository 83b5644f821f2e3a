import { describe, expect, it } from 'vitest';

import type { VariableView } from '../api.ts';
import { buildExplainContext } from './context.ts';

function variable(key: string, set: boolean, enabled = true): VariableView {
  return { key, secret: true, enabled, value: null, set, hint: null };
}

const environment = {
  kind: 'custom' as const,
  tokenUserId: '1588987262754234368',
  oauth2: null,
  variables: [variable('consumer_key', true), variable('consumer_secret', false), variable('access_token', true), variable('token_secret', true, false)],
};

describe('buildExplainContext', () => {
  it('lists unset and disabled OAuth 1.0a credentials', () => {
    const context = buildExplainContext({ requestId: 'follow', authType: 'oauth1', environment, receivedAtMs: 5 });

    expect(context.unsetCredentials).toEqual(['consumer_secret', 'token_secret']);
  });

  it("takes my ID from the access token's owner", () => {
    const context = buildExplainContext({ requestId: 'follow', authType: 'oauth1', environment, receivedAtMs: 5 });

    expect(context.authenticatedUserId).toBe('1588987262754234368');
  });

  it('counts a missing OAuth 2.0 sign-in as unset', () => {
    const context = buildExplainContext({ requestId: 'me', authType: 'oauth2', environment, receivedAtMs: 5 });

    expect(context.unsetCredentials).toEqual(['OAuth 2.0 sign-in']);
    expect(context.authenticatedUserId).toBeNull();
  });

  it('lists a missing bearer token for app-only', () => {
    const context = buildExplainContext({ requestId: 'followers', authType: 'app-only', environment, receivedAtMs: 5 });

    expect(context.unsetCredentials).toEqual(['bearer_token']);
  });
});
