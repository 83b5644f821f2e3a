import { describe, expect, it } from 'vitest';
import { oauth2EndpointsFor } from './endpoints.ts';

describe('oauth2EndpointsFor', () => {
  it('puts the authorize page on x.com for api.x.com', () => {
    expect(oauth2EndpointsFor('https://api.x.com')).toEqual({
      authorize: 'https://x.com/i/oauth2/authorize',
      token: 'https://api.x.com/2/oauth2/token',
      revoke: 'https://api.x.com/2/oauth2/revoke',
    });
  });

  it('puts the authorize page on twitter.com for api.twitter.com', () => {
    expect(oauth2EndpointsFor('https://api.twitter.com')).toEqual({
      authorize: 'https://twitter.com/i/oauth2/authorize',
      token: 'https://api.twitter.com/2/oauth2/token',
      revoke: 'https://api.twitter.com/2/oauth2/revoke',
    });
  });

  it('keeps all three on the sandbox origin', () => {
    expect(oauth2EndpointsFor('http://127.0.0.1:4001')).toEqual({
      authorize: 'http://127.0.0.1:4001/i/oauth2/authorize',
      token: 'http://127.0.0.1:4001/2/oauth2/token',
      revoke: 'http://127.0.0.1:4001/2/oauth2/revoke',
    });
  });
});
