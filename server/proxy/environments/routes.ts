import { Router } from 'express';
import {
  environmentCreateSchema,
  environmentUpdateSchema,
  type EnvironmentCreate,
  type EnvironmentUpdate,
} from '../../../shared/api.ts';
import { sessionOf } from '../../http/security.ts';
import { parsedBody, validateBody } from '../../http/validate.ts';
import type { EnvironmentStore } from './store.ts';

/** CRUD for the environments of the caller's workspace. */
export function environmentRoutes(store: EnvironmentStore): Router {
  const router = Router();

  router.get('/', (_req, res) => {
    res.json(store.list(sessionOf(res).workspaceId));
  });

  router.post('/', validateBody(environmentCreateSchema), (_req, res) => {
    const input = parsedBody<EnvironmentCreate>(res);

    const created = store.create(sessionOf(res).workspaceId, input);

    res.status(201).json(created);
  });

  router.get('/:id', (req, res) => {
    res.json(store.get(sessionOf(res).workspaceId, String(req.params.id)));
  });

  router.patch('/:id', validateBody(environmentUpdateSchema), (req, res) => {
    const input = parsedBody<EnvironmentUpdate>(res);

    const updated = store.update(sessionOf(res).workspaceId, String(req.params.id), input);

    res.json(updated);
  });

  router.delete('/:id', (req, res) => {
    store.delete(sessionOf(res).workspaceId, String(req.params.id));

    res.status(204).end();
  });

  return router;
}
