import { describe, expect, it } from 'vitest';

import type { EnvironmentView, SendResult, VariableView } from '../../../../../shared/api.ts';
import { computeQuickStartSteps, type QuickStartState, type QuickStartStepId } from './quick-start-steps.ts';

const MY_ID = '1588987262754234368';

function variable(key: string, set = true): VariableView {
  return { key, secret: true, enabled: true, value: null, set, hint: set ? '…abcd' : null };
}

const sandbox: EnvironmentView = {
  id: 'env-1',
  name: 'X Sandbox',
  kind: 'sandbox',
  baseUrl: 'http://127.0.0.1:4001',
  authType: 'oauth1',
  tokenUserId: MY_ID,
  oauth2: null,
  variables: ['consumer_key', 'consumer_secret', 'access_token', 'token_secret'].map((key) => variable(key)),
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};

function result(status: number, body: unknown): SendResult {
  return {
    environmentName: 'X Sandbox',
    request: { method: 'POST', url: 'http://127.0.0.1:4001/2/users/1/following', headers: [], body: null },
    response: { status, statusText: 'OK', headers: [], body: JSON.stringify(body), truncated: false },
    durationMs: 1,
    sizeBytes: 1,
  };
}

function state(overrides: Partial<QuickStartState> = {}): QuickStartState {
  return {
    selectedRequestId: 'me',
    environment: sandbox,
    followAuthType: 'oauth1',
    followTarget: null,
    followResult: null,
    unfollowResult: null,
    ...overrides,
  };
}

function doneSteps(input: QuickStartState): QuickStartStepId[] {
  return computeQuickStartSteps(input)
    .filter((step) => step.done)
    .map((step) => step.id);
}

describe('computeQuickStartSteps', () => {
  it('checks off authentication from the environment alone', () => {
    expect(doneSteps(state())).toEqual(['authenticate']);
  });

  it('checks off the request once Follow is selected', () => {
    expect(doneSteps(state({ selectedRequestId: 'follow' }))).toContain('pick-request');
  });

  it('needs a target ID that is not my own', () => {
    expect(doneSteps(state({ followTarget: '2244994945' }))).toContain('who-follows-whom');
    expect(doneSteps(state({ followTarget: MY_ID }))).not.toContain('who-follows-whom');
    expect(doneSteps(state({ followTarget: '2244994945 ' }))).not.toContain('who-follows-whom');
  });

  it('leaves authentication open when a key is unset', () => {
    const environment = { ...sandbox, variables: [variable('consumer_key'), variable('consumer_secret', false)] };
    const steps = computeQuickStartSteps(state({ environment }));

    expect(steps[1]).toMatchObject({ done: false, detail: 'X Sandbox lacks consumer_secret, access_token, token_secret: open Manage environments.' });
  });

  it('leaves authentication open for an app-only bearer token', () => {
    expect(doneSteps(state({ followAuthType: 'app-only' }))).not.toContain('authenticate');
  });

  it('needs an OAuth 2.0 sign-in for OAuth 2.0', () => {
    expect(doneSteps(state({ followAuthType: 'oauth2' }))).not.toContain('authenticate');
  });

  it('checks off the send on following or pending_follow', () => {
    expect(doneSteps(state({ followResult: result(200, { data: { following: true, pending_follow: false } }) }))).toContain('send-follow');
    expect(doneSteps(state({ followResult: result(200, { data: { following: false, pending_follow: true } }) }))).toContain('send-follow');
  });

  it('does not check off a follow that failed', () => {
    const steps = computeQuickStartSteps(state({ followResult: result(403, { title: 'Forbidden' }) }));

    expect(steps[3]).toMatchObject({ done: false, detail: 'The last follow returned 403 without a follow: read the explanation under the response.' });
  });

  it('checks off the unfollow on following false', () => {
    expect(doneSteps(state({ unfollowResult: result(200, { data: { following: false } }) }))).toContain('unfollow');
  });
});
