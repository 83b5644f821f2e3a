import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { apiGet, apiWrite, setCsrfTokenSource } from './api-client.ts';
import { ApiError } from './api-error.ts';

interface RecordedCall {
  url: string;
  init: RequestInit;
}

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function stubFetch(responses: Array<Response | Error>): RecordedCall[] {
  const calls: RecordedCall[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const next = responses.shift();
    if (next === undefined) {
      throw new Error(`unexpected fetch ${url}`);
    }
    if (next instanceof Error) {
      throw next;
    }
    return next;
  });
  return calls;
}

const sessionError = { error: { code: 'session_required', message: 'No valid session' } };
const csrfError = { error: { code: 'csrf_failed', message: 'Missing or wrong x-csrf-token header' } };

let tokenRequests: boolean[];

beforeEach(() => {
  tokenRequests = [];
  setCsrfTokenSource(async ({ refresh }) => {
    tokenRequests.push(refresh);
    return refresh ? 'new-token' : 'old-token';
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('apiWrite', () => {
  it('sends JSON with the CSRF header', async () => {
    const calls = stubFetch([jsonResponse(200, { ok: true })]);

    await apiWrite('POST', '/api/send', { a: '1' });

    expect(calls[0]?.init.headers).toEqual({ 'content-type': 'application/json', 'x-csrf-token': 'old-token' });
    expect(calls[0]?.init.body).toBe('{"a":"1"}');
    expect(calls[0]?.init.credentials).toBe('same-origin');
  });

  it('retries once after a rejected CSRF token', async () => {
    const calls = stubFetch([jsonResponse(403, csrfError), jsonResponse(200, { ok: true })]);

    await expect(apiWrite('PATCH', '/api/environments/1', {})).resolves.toEqual({ ok: true });
    expect(tokenRequests).toEqual([false, true]);
    expect((calls[1]?.init.headers as Record<string, string>)['x-csrf-token']).toBe('new-token');
  });

  it('retries once after an unknown session', async () => {
    stubFetch([jsonResponse(401, sessionError), jsonResponse(200, { ok: true })]);

    await expect(apiWrite('POST', '/api/send', {})).resolves.toEqual({ ok: true });
  });

  it('gives up after the second rejection', async () => {
    stubFetch([jsonResponse(403, csrfError), jsonResponse(403, csrfError)]);

    await expect(apiWrite('POST', '/api/send', {})).rejects.toMatchObject({ status: 403, code: 'csrf_failed' });
  });

  it('does not retry other errors', async () => {
    const calls = stubFetch([jsonResponse(400, { error: { code: 'invalid_request', message: 'bad', field: 'pathVariables.id' } })]);

    await expect(apiWrite('POST', '/api/send', {})).rejects.toMatchObject({ message: 'bad', field: 'pathVariables.id' });
    expect(calls).toHaveLength(1);
  });

  it('returns undefined for 204', async () => {
    stubFetch([new Response(null, { status: 204 })]);

    await expect(apiWrite('DELETE', '/api/environments/1')).resolves.toBeUndefined();
  });
});

describe('apiGet', () => {
  it('reads a new session after an unknown session', async () => {
    const calls = stubFetch([jsonResponse(401, sessionError), jsonResponse(200, [])]);

    await expect(apiGet('/api/environments')).resolves.toEqual([]);
    expect(tokenRequests).toEqual([true]);
    expect(calls).toHaveLength(2);
  });

  it('explains a network failure', async () => {
    stubFetch([new TypeError('Failed to fetch')]);

    const error = await apiGet('/api/environments').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(0);
    expect((error as ApiError).message).toMatch(/^Could not reach the workbench server for GET \/api\/environments: Failed to fetch\./);
  });

  it('explains an error without an error body', async () => {
    stubFetch([new Response('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway' })]);

    await expect(apiGet('/api/environments')).rejects.toThrow(
      'The workbench server returned 502 Bad Gateway for GET /api/environments without an error message. Check the server log.',
    );
  });

  it('rejects a success body that is not JSON', async () => {
    stubFetch([new Response('<html></html>', { status: 200 })]);

    await expect(apiGet('/api/session')).rejects.toThrow(/^The response to GET \/api\/session is not JSON/);
  });
});
