import { afterEach, describe, expect, it } from 'vitest';
import { startCanary, type Canary } from '../../testing/canary.ts';
import { startExchange, type UpstreamRequest } from './upstream-client.ts';

let canary: Canary | null = null;

afterEach(async () => {
  await canary?.close();
  canary = null;
});

function exchangeWith(url: string, changes: Partial<UpstreamRequest> = {}) {
  return startExchange({ method: 'GET', url, headers: [], body: null, timeoutMs: 2000, ...changes });
}

async function readText(exchange: Awaited<ReturnType<typeof startExchange>>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of exchange.body as AsyncIterable<Buffer>) {
    chunks.push(chunk);
  }
  exchange.finish();

  return Buffer.concat(chunks).toString('utf8');
}

describe('startExchange', () => {
  it('lists response headers as fetch did', async () => {
    canary = await startCanary((_req, res) => {
      res.setHeader('X-Rate-Limit-Remaining', '49');
      res.setHeader('Vary', ['Origin', 'Accept']);
      res.setHeader('Set-Cookie', ['a=1', 'b=2']);
      res.setHeader('Content-Type', 'application/json');
      res.end('{}');
    });

    const exchange = await exchangeWith(canary.url);
    await readText(exchange);
    const names = exchange.headers.map(([name]) => name);

    expect(names).toEqual([...names].sort());
    expect(exchange.headers).toContainEqual(['x-rate-limit-remaining', '49']);
    expect(exchange.headers).toContainEqual(['vary', 'Origin, Accept']);
    expect(exchange.headers.filter(([name]) => name === 'set-cookie')).toEqual([
      ['set-cookie', 'a=1'],
      ['set-cookie', 'b=2'],
    ]);
  });

  it('sends a body with Content-Length, not chunked', async () => {
    canary = await startCanary();
    const body = '{"target_user_id":"2244994945"}';

    const exchange = await exchangeWith(canary.url, { method: 'POST', body, headers: [['Content-Type', 'application/json']] });
    await readText(exchange);
    const received = canary.requests[0]!.headers;

    expect(received['content-length']).toBe(String(Buffer.byteLength(body)));
    expect(received['transfer-encoding']).toBeUndefined();
    expect(received['content-type']).toBe('application/json');
  });

  it('returns a redirect without following it', async () => {
    canary = await startCanary((_req, res) => {
      res.writeHead(302, { location: '/elsewhere' });
      res.end();
    });

    const exchange = await exchangeWith(canary.url);
    await readText(exchange);

    expect(exchange.status).toBe(302);
    expect(exchange.headers).toContainEqual(['location', '/elsewhere']);
    expect(canary.requests).toHaveLength(1);
  });

  it('reuses one connection for requests in a row', async () => {
    const ports: number[] = [];
    canary = await startCanary((req, res) => {
      ports.push(req.socket.remotePort!);
      res.end('{}');
    });

    await readText(await exchangeWith(canary.url));
    await readText(await exchangeWith(canary.url));

    expect(ports).toHaveLength(2);
    expect(ports[1]).toBe(ports[0]);
  });

  it('fails with a TimeoutError when the headers never come', async () => {
    canary = await startCanary(() => {});

    const failure = exchangeWith(canary.url, { timeoutMs: 200 });

    await expect(failure).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('fails the body with a TimeoutError when it stops arriving', async () => {
    canary = await startCanary((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"data":');
    });

    const exchange = await exchangeWith(canary.url, { timeoutMs: 200 });

    await expect(readText(exchange)).rejects.toMatchObject({ name: 'TimeoutError' });
  });
});
