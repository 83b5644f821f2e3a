import { describe, expect, it } from 'vitest';

import { authenticatedUserIdFor, isAuthType } from './auth-types.ts';

const source = { tokenUserId: '1588987262754234368', oauth2: { userId: '2244994945' } };

describe('authenticatedUserIdFor', () => {
  it('takes the access token prefix for OAuth 1.0a', () => {
    expect(authenticatedUserIdFor(source, 'oauth1')).toBe('1588987262754234368');
  });

  it('takes the signed-in user for OAuth 2.0', () => {
    expect(authenticatedUserIdFor(source, 'oauth2')).toBe('2244994945');
  });

  it('is null for OAuth 2.0 when nobody is signed in', () => {
    expect(authenticatedUserIdFor({ ...source, oauth2: null }, 'oauth2')).toBeNull();
  });

  it('is null for an app-only bearer token', () => {
    expect(authenticatedUserIdFor(source, 'app-only')).toBeNull();
  });
});

describe('isAuthType', () => {
  it.each(['oauth1', 'oauth2', 'app-only'])('accepts %s', (value) => {
    expect(isAuthType(value)).toBe(true);
  });

  it.each(['inherit', 'OAuth1', '', 1])('rejects %s', (value) => {
    expect(isAuthType(value)).toBe(false);
  });
});
