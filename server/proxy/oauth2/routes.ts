import { Router } from 'express';
import {
  oauth2CompleteSchema,
  oauth2SignOutSchema,
  oauth2StartSchema,
  type OAuth2Complete,
  type OAuth2SignOut,
  type OAuth2Start,
} from '../../../shared/api.ts';
import { sessionOf } from '../../http/security.ts';
import { parsedBody, validateBody } from '../../http/validate.ts';
import type { OAuth2Service } from './oauth2-service.ts';

/**
 * The OAuth 2.0 sign-in of an environment. The redirect URI is a page of the client, because the
 * SameSite=Strict session cookie does not come along on X's cross-site redirect; that page passes
 * the code on with POST /complete, a same-origin call that carries the cookie and the CSRF token.
 */
export function oauth2Routes(service: OAuth2Service): Router {
  const router = Router();

  router.post('/start', validateBody(oauth2StartSchema), (_req, res) => {
    const input = parsedBody<OAuth2Start>(res);

    const started = service.start(sessionOf(res), input);

    res.json(started);
  });

  router.post('/complete', validateBody(oauth2CompleteSchema), async (_req, res) => {
    const input = parsedBody<OAuth2Complete>(res);

    const completed = await service.complete(sessionOf(res), input);

    res.json(completed);
  });

  router.post('/sign-out', validateBody(oauth2SignOutSchema), async (_req, res) => {
    const input = parsedBody<OAuth2SignOut>(res);

    const result = await service.signOut(sessionOf(res).workspaceId, input.environmentId);

    res.json(result);
  });

  return router;
}
