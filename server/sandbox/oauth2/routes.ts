/**
 * The sandbox's OAuth 2.0 authorization server, at X's paths: the consent page at
 * `/i/oauth2/authorize` (x.com/i/oauth2/authorize on X), and the token and revoke endpoints at
 * `/2/oauth2/token` and `/2/oauth2/revoke` (api.x.com on X).
 */
import type { Express } from 'express';

import type { SandboxState } from '../state.ts';

import { AUTHORIZE_PATH, mountAuthorizeRoutes } from './authorize-routes.ts';
import { mountTokenRoutes, REVOKE_PATH, TOKEN_PATH } from './token-routes.ts';

export function mountOAuth2Routes(app: Express, state: SandboxState): void {
  mountAuthorizeRoutes(app, state);
  mountTokenRoutes(app, state);
}

/** Describes the OAuth 2.0 routes for the 404 message, such as "POST /2/oauth2/token". */
export function describeOAuth2Routes(): string[] {
  return [`GET ${AUTHORIZE_PATH}`, `POST ${AUTHORIZE_PATH}`, `POST ${TOKEN_PATH}`, `POST ${REVOKE_PATH}`];
}
