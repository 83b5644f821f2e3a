import type { CSRF_HEADER } from '../../../shared/api.ts';
import { ApiError, readApiErrorDetail } from './api-error.ts';

/**
 * Calls to the workbench server's /api. Every state-changing call carries the session's CSRF token
 * in the x-csrf-token header. The header name is repeated here because shared/api.ts imports zod,
 * which the browser bundle must not load. The type annotation keeps both names equal.
 */
const CSRF_HEADER_NAME: typeof CSRF_HEADER = 'x-csrf-token';

type WriteMethod = 'POST' | 'PATCH' | 'DELETE';

const SESSION_PATH = '/api/session';

/** Returns the session's CSRF token. With `refresh`, it fetches a new session first, because the server rejected the old token. */
export type CsrfTokenSource = (options: { refresh: boolean }) => Promise<string>;

let csrfTokenSource: CsrfTokenSource | null = null;

/** Sets where write calls take the CSRF token from; main.tsx wires it to the session query. */
export function setCsrfTokenSource(source: CsrfTokenSource): void {
  csrfTokenSource = source;
}

/**
 * Sends a GET. When the server has no record of the session (it restarted), reads a new session and
 * retries once. GET /api/session itself is never retried, because it is what starts a session.
 */
export async function apiGet<T>(path: string, signal?: AbortSignal): Promise<T> {
  const init: RequestInit = { method: 'GET', credentials: 'same-origin', signal: signal ?? null };
  let response = await fetchOrThrow('GET', path, init);
  if (path !== SESSION_PATH && csrfTokenSource !== null && (await isSessionFailure(response))) {
    await csrfTokenSource({ refresh: true });
    response = await fetchOrThrow('GET', path, init);
  }

  return readBody<T>('GET', path, response);
}

/**
 * Sends a POST, PATCH or DELETE with a JSON body. When the server rejects the session or its CSRF
 * token, which happens after a server restart, reads a new session and retries once. The server
 * rejects such a call before acting on it, so the retry cannot repeat a follow.
 */
export async function apiWrite<T>(method: WriteMethod, path: string, body?: unknown): Promise<T> {
  if (csrfTokenSource === null) {
    throw new Error('apiWrite was called before setCsrfTokenSource; call it in main.tsx before rendering');
  }

  let response = await fetchOrThrow(method, path, writeInit(method, body, await csrfTokenSource({ refresh: false })));
  if (await isSessionFailure(response)) {
    response = await fetchOrThrow(method, path, writeInit(method, body, await csrfTokenSource({ refresh: true })));
  }

  return readBody<T>(method, path, response);
}

function writeInit(method: WriteMethod, body: unknown, csrfToken: string): RequestInit {
  return {
    method,
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', [CSRF_HEADER_NAME]: csrfToken },
    body: body === undefined ? null : JSON.stringify(body),
  };
}

async function fetchOrThrow(method: string, path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') {
      throw error;
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new ApiError(
      `Could not reach the workbench server for ${method} ${path}: ${reason}. Check that the server is running (npm start, or npm run dev in development), then try again.`,
      0,
      null,
    );
  }
}

/** Reports whether the server rejected the call because of an unknown session (401) or a wrong CSRF token (403). */
async function isSessionFailure(response: Response): Promise<boolean> {
  if (response.status !== 401 && response.status !== 403) {
    return false;
  }
  const code = readApiErrorDetail(parseJson(await response.clone().text()))?.code;

  return code === 'session_required' || code === 'csrf_failed';
}

async function readBody<T>(method: string, path: string, response: Response): Promise<T> {
  const text = await response.text();

  if (!response.ok) {
    const detail = readApiErrorDetail(parseJson(text));
    const message =
      detail?.message ??
      `The workbench server returned ${response.status} ${response.statusText} for ${method} ${path} without an error message. Check the server log.`;
    throw new ApiError(message, response.status, detail);
  }
  if (response.status === 204 || text === '') {
    return undefined as T;
  }

  const value = parseJson(text);
  if (value === undefined) {
    throw new ApiError(
      `The response to ${method} ${path} is not JSON. Check that /api reaches the workbench server and not another service.`,
      response.status,
      null,
    );
  }

  return value as T;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
