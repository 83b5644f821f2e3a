import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import type { SessionInfo } from '../shared/api.ts';
import type { SandboxPortal } from '../shared/sandbox-portal.ts';
import type { Config } from './config.ts';
import type { SecretBox } from './crypto/secret-box.ts';
import type { Db } from './db/database.ts';
import { ApiError, createErrorHandler } from './http/errors.ts';
import { requestLog } from './http/request-log.ts';
import {
  csrfProtection,
  hostCheck,
  readCookie,
  requireSession,
  sameOriginCheck,
  securityHeaders,
  setSessionCookie,
} from './http/security.ts';
import { SESSION_COOKIE, SessionStore } from './http/sessions.ts';
import { rejectInvalidUtf8 } from './http/validate.ts';
import { seedDefaultEnvironments } from './proxy/default-environments.ts';
import { environmentRoutes } from './proxy/environments/routes.ts';
import { EnvironmentStore } from './proxy/environments/store.ts';
import { ImportService } from './proxy/collections/import-service.ts';
import { collectionRoutes, environmentExportRoutes, importBodyParser, importRoutes } from './proxy/collections/routes.ts';
import { CollectionStore, describeImportedRequest } from './proxy/collections/store.ts';
import { HistoryRecorder } from './proxy/history/recorder.ts';
import { historyRoutes } from './proxy/history/routes.ts';
import { HistoryStore } from './proxy/history/store.ts';
import { OAuth2Service } from './proxy/oauth2/oauth2-service.ts';
import { oauth2Routes } from './proxy/oauth2/routes.ts';
import { OAuth2TokenClient } from './proxy/oauth2/token-client.ts';
import { OAuth2TokenStore } from './proxy/oauth2/token-store.ts';
import { SendRateLimiter } from './proxy/send/send-rate-limit.ts';
import { sendRoutes } from './proxy/send/routes.ts';
import { SendService } from './proxy/send/send-service.ts';
import { createSandboxTenancy } from './proxy/sandbox/tenancy.ts';
import { UpstreamPolicy } from './proxy/upstreams.ts';

/** Largest JSON body accepted by /api. */
export const MAX_API_BODY = '64kb';

export interface AppDependencies {
  config: Config;
  logger: Logger;
  db: Db;
  secretBox: SecretBox;
  sandboxUrl: string;
  sandboxPortal: SandboxPortal;
  /** The port the server listens on, read at request time for the Host check. */
  getPort: () => number;
  /** The OAuth 2.0 redirect URI, read at request time because it depends on the listening port. */
  getOAuth2RedirectUri: () => string;
  /** Clock of the OAuth 2.0 token expiry checks, in milliseconds; tests move it forward. Defaults to Date.now. */
  now?: () => number;
  /**
   * Admin token of the sandbox's control API. With it, each workspace gets a sandbox tenant of its
   * own and the `/api/sandbox` routes exist; without it, every workspace uses the seeded keys.
   */
  sandboxAdminToken?: string;
  /** Folder of the built client; omitted when only the API is served (tests, dev mode). */
  staticDir?: string;
}

/** Builds the workbench app without listening, so that tests can drive it with or without a port. */
export function createApp(deps: AppDependencies): Express {
  const { config, logger, db } = deps;
  const now = deps.now ?? Date.now;
  const upstreams = new UpstreamPolicy(new URL(deps.sandboxUrl).origin, config.allowedUpstreams);
  const oauth2Tokens = new OAuth2TokenStore(db, deps.secretBox, now);
  const environments = new EnvironmentStore({
    db,
    secretBox: deps.secretBox,
    sandboxUrl: deps.sandboxUrl,
    checkBaseUrl: (baseUrl, field) => upstreams.requireAllowed(baseUrl, field),
    readOAuth2Status: (environmentId) => oauth2Tokens.readStatus(environmentId),
  });
  const sandboxTenancy =
    deps.sandboxAdminToken === undefined
      ? null
      : createSandboxTenancy({ sandboxUrl: deps.sandboxUrl, adminToken: deps.sandboxAdminToken, timeoutMs: config.upstreamTimeoutMs, environments, logger });
  const sessions = new SessionStore({
    db,
    teamMode: config.teamMode,
    seedWorkspace: (workspaceId) =>
      seedDefaultEnvironments(environments, workspaceId, deps.sandboxPortal, { tenantKeys: sandboxTenancy !== null }),
  });
  sessions.initialize();
  const oauth2 = new OAuth2Service({
    environments,
    upstreams,
    tokens: oauth2Tokens,
    client: new OAuth2TokenClient(config.upstreamTimeoutMs),
    redirectUri: deps.getOAuth2RedirectUri,
    now,
    logger,
  });
  const collections = new CollectionStore(db);
  const sendService = new SendService({ environments, upstreams, oauth2, collections, timeoutMs: config.upstreamTimeoutMs });
  const rateLimiter = new SendRateLimiter(config.sendsPerMinute);
  const history = new HistoryStore(db);
  const historyRecorder = new HistoryRecorder({
    store: history,
    logger,
    environmentName: (workspaceId, environmentId) => environments.list(workspaceId).find((environment) => environment.id === environmentId)?.name ?? null,
    describeRequest: (workspaceId, input) => describeImportedRequest(collections, workspaceId, input),
  });
  const importService = new ImportService({ db, collections, environments, upstreams });

  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(hostCheck(deps.getPort, config.publicHosts));
  app.use(securityHeaders);
  app.use(requestLog(logger));

  const api = express.Router();
  // Before the body parser, so that a cross-site call is rejected as such whatever its body holds.
  api.use(sameOriginCheck);
  // Postman files are larger than other calls, so the import has its own body limit, checked after the session and CSRF token.
  api.use('/import', requireSession(sessions), csrfProtection, ...importBodyParser());
  // Only a JSON body is parsed. Any other body stays unread, and csrfProtection rejects its
  // Content-Type with 415, instead of the parser reporting it as invalid JSON.
  api.use(express.json({ limit: MAX_API_BODY, strict: true, type: 'application/json', verify: rejectInvalidUtf8 }));
  api.get('/session', (req, res) => {
    let session = sessions.find(readCookie(req, SESSION_COOKIE));
    if (!session) {
      const created = sessions.create();
      setSessionCookie(req, res, created.cookieValue);
      session = created.session;
    }
    const info: SessionInfo = {
      csrfToken: session.csrfToken,
      mode: config.teamMode ? 'team' : 'local',
      sandboxUrl: deps.sandboxUrl,
      allowedUpstreams: upstreams.list(),
      oauth2RedirectUri: deps.getOAuth2RedirectUri(),
    };
    res.setHeader('Cache-Control', 'no-store');
    res.json(info);
  });
  api.use(requireSession(sessions));
  api.use(csrfProtection);
  if (sandboxTenancy !== null) {
    api.use(sandboxTenancy.provisionTenant);
    api.use('/sandbox', sandboxTenancy.routes);
  }
  api.use('/environments', environmentRoutes(environments));
  api.use('/send', sendRoutes(sendService, rateLimiter, historyRecorder));
  api.use('/history', historyRoutes(history));
  api.use('/environments', environmentExportRoutes(environments));
  api.use('/import', importRoutes(importService));
  api.use('/collections', collectionRoutes(collections));
  api.use('/oauth2', oauth2Routes(oauth2));
  api.use((req, _res, next) => {
    next(new ApiError('not_found', `No API route ${req.method} ${req.baseUrl}${req.path} (see the README for the API)`));
  });
  app.use('/api', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use('/api', api);

  if (deps.staticDir) {
    serveClient(app, deps.staticDir);
  }
  app.use((req, _res, next) => {
    next(new ApiError('not_found', `Nothing at ${req.method} ${req.path}`));
  });
  app.use(createErrorHandler(logger));

  return app;
}

function serveClient(app: Express, staticDir: string): void {
  const indexFile = path.join(staticDir, 'index.html');
  app.use(
    '/assets',
    express.static(path.join(staticDir, 'assets'), { immutable: true, maxAge: '1y', index: false, fallthrough: false }),
  );
  app.use(express.static(staticDir, { index: false }));
  app.get(/^\/(?!api\/).*/, (_req, res, next) => {
    if (!fs.existsSync(indexFile)) {
      next(new ApiError('not_found', `The client is not built: ${indexFile} is missing (run npm run build)`));
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  });
}
