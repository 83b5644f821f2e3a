import { describe, expect, it } from 'vitest';

import { readCallbackParams } from './callback-params.ts';

const REDIRECT_URI = 'http://127.0.0.1:4000/oauth2/callback';

describe('readCallbackParams', () => {
  it('reads state and code', () => {
    const params = readCallbackParams({ pathname: '/oauth2/callback', search: '?state=abc&code=xyz' }, REDIRECT_URI);

    expect(params).toEqual({ state: 'abc', code: 'xyz' });
  });

  it('reads an access_denied error with its description', () => {
    const params = readCallbackParams(
      { pathname: '/oauth2/callback', search: '?state=abc&error=access_denied&error_description=User%20cancelled' },
      REDIRECT_URI,
    );

    expect(params).toEqual({ state: 'abc', error: 'access_denied', errorDescription: 'User cancelled' });
  });

  it('ignores another path', () => {
    expect(readCallbackParams({ pathname: '/', search: '?state=abc&code=xyz' }, REDIRECT_URI)).toBeNull();
  });

  it('ignores a callback without state', () => {
    expect(readCallbackParams({ pathname: '/oauth2/callback', search: '?code=xyz' }, REDIRECT_URI)).toBeNull();
  });

  it('ignores a callback with neither code nor error', () => {
    expect(readCallbackParams({ pathname: '/oauth2/callback', search: '?state=abc' }, REDIRECT_URI)).toBeNull();
  });

  it('follows a configured redirect path', () => {
    const params = readCallbackParams({ pathname: '/signed-in', search: '?state=s&code=c' }, 'https://workbench.example/signed-in');

    expect(params).toEqual({ state: 's', code: 'c' });
  });
});
