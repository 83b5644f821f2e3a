import type { OAuth2Complete } from '../../../../../shared/api.ts';

/**
 * Reads what X put into the redirect URI: `state` with `code`, or `state` with `error` when the
 * user cancelled. Only a page at the redirect URI's path counts, so that no other link can start
 * a sign-in completion.
 */
export function readCallbackParams(location: { pathname: string; search: string }, redirectUri: string): OAuth2Complete | null {
  let redirectPath: string;
  try {
    redirectPath = new URL(redirectUri).pathname;
  } catch {
    return null;
  }
  if (location.pathname !== redirectPath) {
    return null;
  }

  const params = new URLSearchParams(location.search);
  const state = params.get('state');
  const code = params.get('code');
  const error = params.get('error');
  if (state === null || state === '' || (code === null && error === null)) {
    return null;
  }
  const errorDescription = params.get('error_description');

  return {
    state,
    ...(code === null ? {} : { code }),
    ...(error === null ? {} : { error }),
    ...(errorDescription === null ? {} : { errorDescription }),
  };
}
