import { describe, expect, it } from 'vitest';
import { ApiError } from '../http/errors.ts';
import { requireForwardablePath } from './upstreams.ts';

const ORIGIN = 'https://api.x.com';

describe('requireForwardablePath', () => {
  it('accepts an X API v2 path', () => {
    expect(() => requireForwardablePath(ORIGIN, '/2/users/2244994945/followers')).not.toThrow();
  });

  it.each([
    '/2/../1.1/statuses/update.json',
    '/2/%2e%2e/1.1/account/settings.json',
    '/2/%2E./1.1/account/settings.json',
    '/2/zzz/../users/2244994945/followers',
    '/2/./users/me',
    '/2/..%5C1.1/statuses/update.json',
    '/2\\..\\1.1/statuses/update.json',
  ])('rejects the dot-segment path %j', (path) => {
    expect(() => requireForwardablePath(ORIGIN, path)).toThrow(ApiError);
  });

  it('rejects a path outside /2/', () => {
    expect(() => requireForwardablePath(ORIGIN, '/1.1/statuses/update.json')).toThrow('Only X API v2 paths (under /2/) are forwarded');
  });
});
