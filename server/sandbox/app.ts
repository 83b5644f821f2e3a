/** Assembles the sandbox's Express app: host check, portal, OAuth 2.0 routes, API routes, 404 and the error handler. */
import { STATUS_CODES } from 'node:http';

import express, { type Express, type NextFunction, type Request, type Response } from 'express';

import { describeRoutes, MAX_BODY_BYTES, mountApiRoutes } from './api-routes.ts';
import { rawPath } from './auth.ts';
import { checkHost } from './host-check.ts';
import { describeOAuth2Routes, mountOAuth2Routes } from './oauth2/routes.ts';
import { buildPortal, PORTAL_CSP, renderPortalHtml } from './portal.ts';
import { AUTH_ERROR_HEADER, internalError, invalidRequest, payloadTooLarge, routeNotFound, SandboxProblem } from './problems.ts';
import type { SandboxState } from './state.ts';
import { mountControlRoutes, tenantDateHeader } from './tenants/control-routes.ts';

/** `adminToken` enables the control API under /__sandbox; without it the control API does not exist. */
export function createSandboxApp(state: SandboxState, adminToken?: string): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('case sensitive routing', true);
  app.set('strict routing', true);
  // Handlers read the raw query string, because the OAuth signature covers it exactly as sent.
  app.set('query parser', false);

  app.use((request, response, next) => {
    setCommonHeaders(response, state);
    logWhenFinished(request, response, state);
    next();
  });
  app.use(checkHost(state.allowedHosts));
  app.use(tenantDateHeader(state));

  app.get('/', (_request, response) => {
    response.set('content-security-policy', PORTAL_CSP);
    response.type('html').send(renderPortalHtml(buildPortal(state)));
  });
  app.get('/portal.json', (_request, response) => {
    response.json(buildPortal(state));
  });

  if (adminToken !== undefined) {
    mountControlRoutes(app, state, adminToken);
  }
  mountOAuth2Routes(app, state);
  mountApiRoutes(app, state);

  app.use((request) => {
    throw routeNotFound(request.method, rawPath(request), [...describeRoutes(), ...describeOAuth2Routes()]);
  });
  app.use((error: unknown, request: Request, response: Response, next: NextFunction) => {
    if (response.headersSent) {
      next(error);
      return;
    }
    sendProblem(response, toProblem(error, request, state));
  });

  return app;
}

/**
 * Sets the Date header from the sandbox clock. A client that syncs its OAuth timestamps to Date, as X
 * advises, then stays inside the timestamp window even when the clock is faked.
 */
function setCommonHeaders(response: Response, state: SandboxState): void {
  response.set('date', new Date(state.now()).toUTCString());
  response.set('cache-control', 'no-cache, no-store, max-age=0');
  response.set('x-content-type-options', 'nosniff');
}

/** Logs one line per request. Only the path is logged: no query, no headers, so no credentials. */
function logWhenFinished(request: Request, response: Response, state: SandboxState): void {
  const startedAt = performance.now();
  response.on('finish', () => {
    const authError = response.getHeader(AUTH_ERROR_HEADER);
    state.logger.info(
      {
        method: request.method,
        path: rawPath(request),
        status: response.statusCode,
        durationMs: Math.round((performance.now() - startedAt) * 10) / 10,
        ...(authError === undefined ? {} : { authError }),
      },
      'request',
    );
  });
}

/** Maps any error to a problem. Unexpected errors are logged and become a 500 without details. */
function toProblem(error: unknown, request: Request, state: SandboxState): SandboxProblem {
  if (error instanceof SandboxProblem) {
    return error;
  }
  const httpError = error as { type?: unknown; status?: unknown; message?: unknown };
  if (httpError.type === 'entity.too.large') {
    return payloadTooLarge(MAX_BODY_BYTES);
  }
  // Express's router raises a URIError with status 400 for a path parameter such as %E0.
  if (error instanceof URIError && httpError.status === 400) {
    return invalidRequest([{ message: `The request path has invalid percent-encoding (${error.message}).` }]);
  }
  if (typeof httpError.status === 'number' && httpError.status >= 400 && httpError.status < 500) {
    return new SandboxProblem(httpError.status, {
      title: STATUS_CODES[httpError.status] ?? 'Client Error',
      type: 'about:blank',
      status: httpError.status,
      detail: String(httpError.message),
    });
  }

  state.logger.error({ err: error, method: request.method, path: rawPath(request) }, 'request failed with an unexpected error');

  return internalError();
}

function sendProblem(response: Response, problem: SandboxProblem): void {
  response.status(problem.status);
  response.set(problem.headers);
  response.set('content-type', 'application/problem+json; charset=utf-8');
  response.send(JSON.stringify(problem.body));
}
