import { isSupportedAuthType } from './auth.ts';
import type { CollectionRequest, EffectiveAuth } from './model.ts';

/**
 * Where an imported request goes and whether the workbench can send it. X API origins and
 * `{{base_url}}` go to the selected environment's base URL, so X's collection runs against the
 * sandbox when "X Sandbox" is selected. Any other origin must be an allowed upstream.
 */

/** Origins that stand for "the X API" in a collection and are replaced by the environment's base URL. */
export const X_API_ORIGINS = ['https://api.x.com', 'https://api.twitter.com'] as const;

/** Variables that stand for the base URL in a collection. */
export const BASE_URL_VARIABLES = ['base_url', 'baseUrl'] as const;

export const SENDABLE_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

export type RequestTarget =
  /** Sent to the selected environment's base URL. */
  | { kind: 'environment'; path: string }
  /** Sent to this origin, which must be an allowed upstream. */
  | { kind: 'origin'; origin: string; path: string }
  /** The URL cannot be read as an origin and a path; `reason` explains why. */
  | { kind: 'invalid'; reason: string };

/** Splits a collection URL (query removed) into its target and its path with `:variables` still in it. */
export function resolveTarget(raw: string): RequestTarget {
  const withoutQuery = raw.split(/[?#]/, 1)[0]!.trim();
  const baseVariable = /^\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}(\/.*)?$/.exec(withoutQuery);
  if (baseVariable) {
    if (!(BASE_URL_VARIABLES as readonly string[]).includes(baseVariable[1]!)) {
      return {
        kind: 'invalid',
        reason: `its URL starts with {{${baseVariable[1]}}}, which the workbench does not read as a host (use {{base_url}} or https://api.x.com)`,
      };
    }
    return { kind: 'environment', path: baseVariable[2] ?? '/' };
  }

  const match = /^(https?):\/\/([^/]+)(\/.*)?$/i.exec(withoutQuery);
  if (!match) {
    return { kind: 'invalid', reason: `its URL ${JSON.stringify(raw)} does not start with http:// or https:// and a host` };
  }
  const host = match[2]!;
  if (host.includes('{{')) {
    return { kind: 'invalid', reason: `its host ${JSON.stringify(host)} contains a variable, which the workbench does not resolve in a host (use {{base_url}})` };
  }
  const origin = `${match[1]!.toLowerCase()}://${host.toLowerCase()}`;
  const path = match[3] ?? '/';
  if ((X_API_ORIGINS as readonly string[]).includes(origin)) {
    return { kind: 'environment', path };
  }

  return { kind: 'origin', origin, path };
}

/**
 * Returns why the request cannot be sent, as a sentence the page shows beside the disabled Send
 * button, or null when it can be sent. `allowedOrigins` is the server's list of allowed upstreams.
 */
export function findSendBlocker(request: CollectionRequest, auth: EffectiveAuth, allowedOrigins: readonly string[]): string | null {
  if (!(SENDABLE_METHODS as readonly string[]).includes(request.method)) {
    return `Its method ${request.method} is not supported (the workbench sends ${SENDABLE_METHODS.join(', ')}).`;
  }
  if (request.body?.mode === 'unsupported') {
    return `Its ${request.body.postmanMode} body cannot be sent: the workbench sends only raw JSON bodies.`;
  }
  if (auth.auth !== null && !isSupportedAuthType(auth.auth.type)) {
    return `Its ${auth.auth.type} authorization is not supported (use OAuth 1.0a, a bearer token or OAuth 2.0).`;
  }

  const target = resolveTarget(request.url.raw);
  if (target.kind === 'invalid') {
    return `It cannot be sent because ${target.reason}.`;
  }
  if (target.kind === 'origin' && !allowedOrigins.includes(target.origin)) {
    return `Its host ${target.origin} is not an allowed upstream (allowed: ${allowedOrigins.join(', ')}); add it to WORKBENCH_ALLOWED_UPSTREAMS and restart the server to send it.`;
  }
  if (!target.path.startsWith('/2/')) {
    return `Only X API v2 paths (under /2/) are forwarded; its path is ${JSON.stringify(target.path)}.`;
  }

  return null;
}
