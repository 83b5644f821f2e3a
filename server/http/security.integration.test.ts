import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../shared/api.ts';
import { type ApiClient, startTestWorkbench, type TestWorkbench } from '../testing/test-workbench.ts';

let workbench: TestWorkbench;
let client: ApiClient;
let sandboxEnvironmentId: string;

beforeAll(async () => {
  workbench = await startTestWorkbench();
  client = await workbench.newClient();
  sandboxEnvironmentId = (await client.environmentNamed('X Sandbox')).id;
});

afterAll(async () => {
  await workbench.stop();
});

/** Sends a raw HTTP request, so that headers such as Host can be set freely. */
function rawRequest(options: { method: string; path: string; headers?: Record<string, string>; body?: string }) {
  const url = new URL(workbench.url);
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }>((resolve, reject) => {
    const request = http.request(
      { host: url.hostname, port: url.port, method: options.method, path: options.path, headers: options.headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

function followBody() {
  return JSON.stringify({ environmentId: sandboxEnvironmentId, requestId: 'follow', pathVariables: {}, query: [], body: '{"target_user_id":"2244994945"}' });
}

describe('security', () => {
  describe('Host check', () => {
    it.each(['/api/session', '/', '/api/send'])('rejects Host: rebind.example on %s with 421 JSON', async (path) => {
      const response = await rawRequest({ method: 'GET', path, headers: { host: 'rebind.example' } });

      expect(response.status).toBe(421);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(JSON.parse(response.text).error.code).toBe('misdirected_host');
    });

    it('rejects a loopback name with another port', async () => {
      const response = await rawRequest({ method: 'GET', path: '/api/session', headers: { host: '127.0.0.1:1' } });

      expect(response.status).toBe(421);
    });
  });

  describe('cross-site calls', () => {
    it('rejects a send without a session cookie with 401', async () => {
      const response = await fetch(`${workbench.url}/api/send`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: followBody() });

      expect(response.status).toBe(401);
      expect(((await response.json()) as ApiErrorBody).error.code).toBe('session_required');
    });

    it('rejects a send without the CSRF token with 403', async () => {
      const { status, json } = await client.request<ApiErrorBody>('POST', '/api/send', JSON.parse(followBody()), { 'x-csrf-token': '' });

      expect(status).toBe(403);
      expect(json.error.code).toBe('csrf_failed');
    });

    it('rejects a send from another origin with 403, naming it', async () => {
      const { status, json } = await client.request<ApiErrorBody>('POST', '/api/send', JSON.parse(followBody()), {
        origin: 'http://127.0.0.1:9',
      });

      expect(status).toBe(403);
      expect(json.error.code).toBe('forbidden_origin');
      expect(json.error.message).toContain('"http://127.0.0.1:9"');
    });

    it('rejects a cross-site Sec-Fetch-Site with 403', async () => {
      const { status } = await client.request('POST', '/api/send', JSON.parse(followBody()), { 'sec-fetch-site': 'cross-site' });

      expect(status).toBe(403);
    });

    it('rejects a text/plain body with 415', async () => {
      const { status, json } = await client.request<ApiErrorBody>('POST', '/api/send', JSON.parse(followBody()), {
        'content-type': 'text/plain',
      });

      expect(status).toBe(415);
      expect(json.error.message).toContain('application/json');
    });

    it('rejects a form post with 403 or 415 and sends nothing', async () => {
      const { status } = await client.request('POST', '/api/send', undefined, {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'http://evil.example',
      });

      expect(status).toBe(403);
    });

    it('rejects a cross-site non-JSON form with 403', async () => {
      const response = await fetch(`${workbench.url}/api/send`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://127.0.0.1:9' },
        body: 'environmentId=x&requestId=follow',
      });
      const body = (await response.json()) as ApiErrorBody;

      expect(response.status).toBe(403);
      expect(body.error.code).toBe('forbidden_origin');
    });
  });

  describe('hardening', () => {
    it('rejects a body over 64 KB with 413 JSON', async () => {
      const { status, json } = await client.request<ApiErrorBody>('POST', '/api/environments', {
        name: 'Big',
        baseUrl: 'https://api.x.com',
        padding: 'x'.repeat(70_000),
      });

      expect(status).toBe(413);
      expect(json.error.code).toBe('payload_too_large');
    });

    it('answers invalid JSON with 400 JSON and no stack trace', async () => {
      const response = await fetch(`${workbench.url}/api/send`, {
        method: 'POST',
        headers: { cookie: '', 'content-type': 'application/json' },
        body: '{"broken":',
      });
      const text = await response.text();

      expect(response.status).toBe(400);
      expect(JSON.parse(text).error.code).toBe('invalid_request');
      expect(text).not.toMatch(/at .*\.(ts|js):\d+/);
    });

    it('answers an unknown API route with 404 JSON', async () => {
      const { status, json } = await client.request<ApiErrorBody>('GET', '/api/nothing-here');

      expect(status).toBe(404);
      expect(json.error.code).toBe('not_found');
    });

    it('sends the security headers', async () => {
      const response = await fetch(`${workbench.url}/api/session`);
      const csp = response.headers.get('content-security-policy') ?? '';

      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    });

    it('sets an httpOnly SameSite=Strict session cookie', async () => {
      const response = await fetch(`${workbench.url}/api/session`);

      expect(response.headers.get('set-cookie')).toMatch(/^wb_session=[A-Za-z0-9_-]+; Path=\/; HttpOnly; SameSite=Strict$/);
    });
  });
});
