import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startSandbox, type RunningSandbox } from '../server/sandbox/index.ts';
import { followPair } from './bench-requests.ts';
import { HttpClient } from './http-client.ts';
import { buildOAuth1Header, type OAuth1Credentials } from './oauth1-header.ts';
import { createReferenceProxy } from './reference-proxy.ts';
import { percentile, summarize } from './stats.ts';

describe('percentile', () => {
  const oneToHundred = Array.from({ length: 100 }, (_, index) => 100 - index);

  it('takes the nearest rank', () => {
    expect(percentile(oneToHundred, 50)).toBe(50);
    expect(percentile(oneToHundred, 99)).toBe(99);
    expect(percentile(oneToHundred, 100)).toBe(100);
    expect(percentile([7, 3, 5], 50)).toBe(5);
  });

  it('leaves the samples unsorted', () => {
    const samples = [3, 1, 2];

    percentile(samples, 50);

    expect(samples).toEqual([3, 1, 2]);
  });

  it('rejects no samples and bad percents', () => {
    expect(() => percentile([], 50)).toThrow('needs at least one sample');
    expect(() => percentile([1], 0)).toThrow('percent must be above 0');
    expect(() => percentile([1], 101)).toThrow('percent must be above 0');
  });

  it('summarizes count, p50, p99 and mean', () => {
    expect(summarize([4, 1, 3, 2])).toEqual({ count: 4, p50: 2, p99: 4, mean: 2.5 });
  });
});

describe('reference proxy', () => {
  let sandbox: RunningSandbox;
  let credentials: OAuth1Credentials;
  let userId: string;
  const client = new HttpClient(4);

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 'bench-test-seed', rateLimits: 'off' });
    const app = sandbox.portal().apps[0]!;
    const token = sandbox.portal().tokens.find((candidate) => candidate.appName === app.name)!;
    credentials = { consumerKey: app.consumerKey, consumerSecret: app.consumerSecret, accessToken: token.accessToken, tokenSecret: token.accessTokenSecret };
    userId = token.userId;
  });

  afterAll(async () => {
    client.close();
    await sandbox.close();
  });

  async function withProxy<T>(proxyCredentials: OAuth1Credentials, run: (url: string) => Promise<T>): Promise<T> {
    const proxy = createReferenceProxy(sandbox.url, proxyCredentials);
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      return await run(`http://127.0.0.1:${(proxy.address() as AddressInfo).port}`);
    } finally {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
    }
  }

  it('signs a follow and unfollow that the sandbox accepts', async () => {
    const [follow, unfollow] = followPair(userId);

    const responses = await withProxy(credentials, async (url) => [
      await client.send(`${url}${follow!.path}`, { method: follow!.method, headers: { 'content-type': 'application/json' }, body: follow!.body }),
      await client.send(`${url}${unfollow!.path}`, { method: unfollow!.method }),
    ]);

    expect(responses[0]!.status).toBe(200);
    expect(JSON.parse(responses[0]!.text)).toEqual({ data: { following: true, pending_follow: false } });
    expect(responses[1]!.status).toBe(200);
    expect(JSON.parse(responses[1]!.text)).toEqual({ data: { following: false } });
  });

  it('passes back the 401 for a wrong secret', async () => {
    const [follow] = followPair(userId);

    const response = await withProxy({ ...credentials, tokenSecret: 'wrong' }, (url) =>
      client.send(`${url}${follow!.path}`, { method: follow!.method, headers: { 'content-type': 'application/json' }, body: follow!.body }),
    );

    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('matches the signing client sent straight to the sandbox', async () => {
    const url = `${sandbox.url}/2/users/me?user.fields=created_at`;

    const response = await client.send(url, { method: 'GET', headers: { authorization: buildOAuth1Header('GET', url, credentials) } });

    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toMatchObject({ data: { id: userId } });
  });
});
