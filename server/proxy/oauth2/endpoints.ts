/**
 * Where the OAuth 2.0 authorize, token and revoke endpoints of an environment's base URL are.
 * X serves the authorize page on its website and the token and revoke endpoints on its API host;
 * the sandbox serves all three itself.
 */

export interface OAuth2Endpoints {
  /** The page that the browser opens to ask the user for consent. */
  authorize: string;
  token: string;
  revoke: string;
}

const X_WEBSITES: Record<string, string> = {
  'https://api.x.com': 'https://x.com',
  'https://api.twitter.com': 'https://twitter.com',
};

/** Returns the endpoints for an environment whose base URL has the given origin. */
export function oauth2EndpointsFor(apiOrigin: string): OAuth2Endpoints {
  const website = X_WEBSITES[apiOrigin];
  const token = `${apiOrigin}/2/oauth2/token`;
  const revoke = `${apiOrigin}/2/oauth2/revoke`;
  if (website !== undefined) {
    return { authorize: `${website}/i/oauth2/authorize`, token, revoke };
  }

  // NOTE: the sandbox and any origin from WORKBENCH_ALLOWED_UPSTREAMS are assumed to serve the
  // authorize page on the API origin itself, as the sandbox does.
  return { authorize: `${apiOrigin}/i/oauth2/authorize`, token, revoke };
}
