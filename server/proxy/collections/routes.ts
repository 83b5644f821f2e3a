import express, { Router, type ErrorRequestHandler, type Response } from 'express';
import { importRequestSchema, MAX_IMPORT_BYTES, type ImportRequest } from '../../../shared/collections-api.ts';
import { exportEnvironment } from '../../../shared/postman/environment.ts';
import { exportCollection } from '../../../shared/postman/export.ts';
import { ApiError } from '../../http/errors.ts';
import { sessionOf } from '../../http/security.ts';
import { parsedBody, validateBody } from '../../http/validate.ts';
import type { EnvironmentStore } from '../environments/store.ts';
import type { ImportService } from './import-service.ts';
import type { CollectionStore } from './store.ts';

/**
 * Postman import and export: `POST /api/import`, the imported collections, and the export of a
 * collection or an environment as a Postman v2.1 file download.
 */

/**
 * Parses the JSON body of `POST /api/import` with its own limit, larger than the rest of /api
 * allows, and rejects a larger body with a 413 that names the limit. Mounted before the general parser,
 * which then leaves the parsed body alone.
 */
export function importBodyParser(): [express.RequestHandler, ErrorRequestHandler] {
  const parse = express.json({ limit: MAX_IMPORT_BYTES, strict: true, type: 'application/json' });
  const explainTooLarge: ErrorRequestHandler = (error, _req, _res, next) => {
    if ((error as { type?: string }).type !== 'entity.too.large') {
      next(error);
      return;
    }
    next(
      new ApiError(
        'payload_too_large',
        `The import is larger than the limit of ${MAX_IMPORT_BYTES / (1024 * 1024)} MB (${MAX_IMPORT_BYTES} bytes); import a smaller file, or split the collection in Postman`,
        { field: 'content', cause: error },
      ),
    );
  };

  return [parse, explainTooLarge];
}

export function importRoutes(service: ImportService): Router {
  const router = Router();

  router.post('/', validateBody(importRequestSchema), (_req, res) => {
    const input = parsedBody<ImportRequest>(res);

    const result = service.import(sessionOf(res).workspaceId, input);

    res.status(201).json(result);
  });

  return router;
}

export function collectionRoutes(store: CollectionStore): Router {
  const router = Router();

  router.get('/', (_req, res) => {
    res.json(store.list(sessionOf(res).workspaceId));
  });

  router.get('/:id', (req, res) => {
    res.json(store.get(sessionOf(res).workspaceId, String(req.params.id)));
  });

  router.get('/:id/export', (req, res) => {
    const collection = store.get(sessionOf(res).workspaceId, String(req.params.id));

    sendDownload(res, `${collection.name}.postman_collection.json`, exportCollection(collection.model));
  });

  router.delete('/:id', (req, res) => {
    store.delete(sessionOf(res).workspaceId, String(req.params.id));

    res.status(204).end();
  });

  return router;
}

/** `GET /api/environments/:id/export`, mounted beside the environment routes. */
export function environmentExportRoutes(environments: EnvironmentStore, now: () => Date = () => new Date()): Router {
  const router = Router();

  router.get('/:id/export', (req, res) => {
    const environment = environments.get(sessionOf(res).workspaceId, String(req.params.id));

    sendDownload(res, `${environment.name}.postman_environment.json`, exportEnvironment(environment, now()));
  });

  return router;
}

/** Sends JSON as a file download, with a file name safe in any header and file system. */
function sendDownload(res: Response, fileName: string, body: unknown): void {
  const asciiName = fileName.replace(/[^A-Za-z0-9 ._-]/g, '_');
  res.setHeader('Content-Disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  res.type('application/json');
  res.send(`${JSON.stringify(body, null, 2)}\n`);
}
