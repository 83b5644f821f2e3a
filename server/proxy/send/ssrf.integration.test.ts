import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, EnvironmentView, SendResult } from '../../../shared/api.ts';
import type { SandboxPortal } from '../../../shared/sandbox-portal.ts';
import { type Canary, startCanary } from '../../testing/canary.ts';
import { type ApiClient, startTestWorkbench, type TestWorkbench } from '../../testing/test-workbench.ts';

let canary: Canary;
let redirector: Canary;
let workbench: TestWorkbench;
let client: ApiClient;
let portal: SandboxPortal;

beforeAll(async () => {
  canary = await startCanary();
  redirector = await startCanary((_req, res) => {
    res.writeHead(302, { location: `${canary.url}/stolen` });
    res.end();
  });
  workbench = await startTestWorkbench({ WORKBENCH_ALLOWED_UPSTREAMS: redirector.url });
  client = await workbench.newClient();
  portal = (await (await fetch(`${workbench.sandboxUrl}/portal.json`)).json()) as SandboxPortal;
});

afterAll(async () => {
  await workbench.stop();
  await canary.close();
  await redirector.close();
});

function credentials() {
  return [
    { key: 'consumer_key', value: portal.apps[0]!.consumerKey },
    { key: 'consumer_secret', value: portal.apps[0]!.consumerSecret },
    { key: 'access_token', value: portal.tokens[0]!.accessToken },
    { key: 'token_secret', value: portal.tokens[0]!.accessTokenSecret },
  ];
}

describe('the proxy is not an open relay', () => {
  it.each([
    ['the canary itself', () => canary.url],
    ['the canary over https', () => canary.url.replace('http:', 'https:')],
    ['the canary with userinfo', () => canary.url.replace('http://', 'http://admin:admin@')],
    ['an allowed host on another port', () => 'https://api.x.com:8443'],
    ['plain http to api.x.com', () => 'http://api.x.com'],
  ])('rejects a base URL pointing at %s, and the canary receives nothing', async (_label, baseUrl) => {
    const { status, json } = await client.request<ApiErrorBody>('POST', '/api/environments', {
      name: `SSRF ${Math.random()}`,
      baseUrl: baseUrl(),
      variables: credentials(),
    });

    expect(status).toBe(400);
    expect(json.error.code).toBe('upstream_not_allowed');
    expect(json.error.message).not.toContain('admin:admin');
    expect(canary.requests).toHaveLength(0);
  });

  it('returns a redirect from an allowed upstream without following it', async () => {
    const created = await client.request<EnvironmentView>('POST', '/api/environments', {
      name: 'Redirecting upstream',
      baseUrl: redirector.url,
      variables: credentials(),
    });

    const { status, json } = await client.send<SendResult>({ environmentId: created.json.id, requestId: 'me' });

    expect(status).toBe(200);
    expect(json.response.status).toBe(302);
    expect(new Map(json.response.headers).get('location')).toBe(`${canary.url}/stolen`);
    expect(redirector.requests).toHaveLength(1);
    expect(canary.requests).toHaveLength(0);
  });

  it('lists the allowed upstreams in the session info', () => {
    expect(client.session.allowedUpstreams).toEqual(['https://api.x.com', 'https://api.twitter.com', workbench.sandboxUrl, redirector.url]);
  });
});
