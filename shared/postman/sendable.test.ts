import { describe, expect, it } from 'vitest';
import type { CollectionRequest, EffectiveAuth } from './model.ts';
import { findSendBlocker, resolveTarget } from './sendable.ts';

const ALLOWED = ['https://api.x.com', 'https://api.twitter.com', 'http://127.0.0.1:4001'];
const OAUTH1: EffectiveAuth = { auth: { type: 'oauth1', params: [] }, inheritedFrom: null };

function request(raw: string, changes: Partial<CollectionRequest> = {}): CollectionRequest {
  return {
    kind: 'request',
    id: '0',
    postmanId: null,
    name: 'Test',
    description: '',
    method: 'GET',
    url: { raw, pathVariables: [], query: [] },
    headers: [],
    body: null,
    auth: null,
    scripts: [],
    scriptNote: null,
    ...changes,
  };
}

describe('resolveTarget', () => {
  it.each([
    ['https://api.x.com/2/users/:id/following', { kind: 'environment', path: '/2/users/:id/following' }],
    ['https://API.twitter.com/2/users/me?user.fields=id', { kind: 'environment', path: '/2/users/me' }],
    ['{{base_url}}/2/users/me', { kind: 'environment', path: '/2/users/me' }],
    ['{{ baseUrl }}/2/users/me', { kind: 'environment', path: '/2/users/me' }],
    ['http://127.0.0.1:4001/2/users/me', { kind: 'origin', origin: 'http://127.0.0.1:4001', path: '/2/users/me' }],
  ])('reads %s', (raw, expected) => {
    expect(resolveTarget(raw)).toEqual(expected);
  });

  it('rejects another variable as host', () => {
    expect(resolveTarget('{{host}}/2/users/me')).toEqual({
      kind: 'invalid',
      reason: 'its URL starts with {{host}}, which the workbench does not read as a host (use {{base_url}} or https://api.x.com)',
    });
  });
});

describe('findSendBlocker', () => {
  it('allows an X API request', () => {
    expect(findSendBlocker(request('https://api.twitter.com/2/users/:id/followers'), OAUTH1, ALLOWED)).toBeNull();
  });

  it('names a host that is not allowed', () => {
    expect(findSendBlocker(request('https://example.com/2/users/me'), OAUTH1, ALLOWED)).toBe(
      'Its host https://example.com is not an allowed upstream (allowed: https://api.x.com, https://api.twitter.com, http://127.0.0.1:4001); add it to WORKBENCH_ALLOWED_UPSTREAMS and restart the server to send it.',
    );
  });

  it('rejects a path outside /2/', () => {
    expect(findSendBlocker(request('https://api.x.com/1.1/statuses/show.json'), OAUTH1, ALLOWED)).toBe(
      'Only X API v2 paths (under /2/) are forwarded; its path is "/1.1/statuses/show.json".',
    );
  });

  it('rejects a form body', () => {
    const blocker = findSendBlocker(request('https://api.x.com/2/media/upload', { method: 'POST', body: { mode: 'unsupported', postmanMode: 'formdata' } }), OAUTH1, ALLOWED);

    expect(blocker).toBe('Its formdata body cannot be sent: the workbench sends only raw JSON bodies.');
  });

  it('rejects an unsupported auth type', () => {
    const blocker = findSendBlocker(request('https://api.x.com/2/users/me'), { auth: { type: 'basic', params: [] }, inheritedFrom: 'C' }, ALLOWED);

    expect(blocker).toBe('Its basic authorization is not supported (use OAuth 1.0a, a bearer token or OAuth 2.0).');
  });

  it('rejects an unsupported method', () => {
    expect(findSendBlocker(request('https://api.x.com/2/users/me', { method: 'OPTIONS' }), OAUTH1, ALLOWED)).toContain('method OPTIONS is not supported');
  });
});
