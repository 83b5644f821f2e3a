import { Router, type RequestHandler } from 'express';
import { DEFAULT_HISTORY_PAGE, historyQuerySchema, type HistoryQuery } from '../../../shared/history.ts';
import { ApiError } from '../../http/errors.ts';
import { sessionOf } from '../../http/security.ts';
import type { HistoryStore } from './store.ts';

/** Lists, reads and deletes the history of the caller's workspace. Sends add to it through HistoryRecorder. */
export function historyRoutes(store: HistoryStore): Router {
  const router = Router();

  router.get('/', validateHistoryQuery, (_req, res) => {
    const query = res.locals.historyQuery as HistoryQuery;

    const page = store.list(sessionOf(res).workspaceId, { ...query, limit: query.limit ?? DEFAULT_HISTORY_PAGE });

    res.json(page);
  });

  router.get('/request-names', (_req, res) => {
    res.json(store.requestNames(sessionOf(res).workspaceId));
  });

  router.get('/:id', (req, res) => {
    res.json(store.get(sessionOf(res).workspaceId, String(req.params.id)));
  });

  router.delete('/:id', (req, res) => {
    store.delete(sessionOf(res).workspaceId, String(req.params.id));

    res.status(204).end();
  });

  router.delete('/', (_req, res) => {
    store.clear(sessionOf(res).workspaceId);

    res.status(204).end();
  });

  return router;
}

/** Parses the query string; the error names the parameter, its value and the rule. */
const validateHistoryQuery: RequestHandler = (req, res, next) => {
  const result = historyQuerySchema.safeParse(req.query);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = issue.path.map(String).join('.');
    const message = issue.code === 'unrecognized_keys' ? `Unknown query parameter ${issue.keys.map((key) => JSON.stringify(key)).join(', ')} (use limit, before, status or endpoint)` : `${field}: ${issue.message}`;
    next(new ApiError('invalid_request', message, { field: field === '' ? 'query' : field }));
    return;
  }
  res.locals.historyQuery = result.data;
  next();
};
