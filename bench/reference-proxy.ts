import { createServer, type Server } from 'node:http';

import { buildOAuth1Header, type OAuth1Credentials } from './oauth1-header.ts';

/**
 * The reference proxy: the least a signing proxy must do, as the floor that our proxy is measured
 * against. It reads the request, signs it with one HMAC-SHA1 signature, sends it upstream with one
 * fetch and passes the status, content type and body back. It checks nothing, keeps no state and
 * logs nothing, so it is for the benchmark only.
 */
export function createReferenceProxy(upstream: string, credentials: OAuth1Credentials): Server {
  return createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) {
      chunks.push(chunk as Buffer);
    }
    const method = request.method ?? 'GET';
    const url = `${upstream}${request.url ?? '/'}`;
    const headers: Record<string, string> = { authorization: buildOAuth1Header(method, url, credentials) };
    if (chunks.length > 0) {
      headers['content-type'] = 'application/json';
    }

    try {
      const upstreamResponse = await fetch(url, { method, headers, body: chunks.length > 0 ? Buffer.concat(chunks) : null });
      const body = await upstreamResponse.text();
      response.writeHead(upstreamResponse.status, { 'content-type': upstreamResponse.headers.get('content-type') ?? 'text/plain' });
      response.end(body);
    } catch (error) {
      response.writeHead(502, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: `upstream request failed: ${String(error)}` }));
    }
  });
}
