import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback HTTP server for tests that records every request it receives. By default it answers
 * 200 with a small JSON body; `handler` can answer otherwise (a redirect, a fault).
 */
export interface Canary {
  url: string;
  requests: Array<{ method: string; url: string; headers: http.IncomingHttpHeaders }>;
  close(): Promise<void>;
}

export async function startCanary(handler?: (req: http.IncomingMessage, res: http.ServerResponse) => void): Promise<Canary> {
  const requests: Canary['requests'] = [];
  const server = http.createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    if (handler) {
      handler(req, res);
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"canary":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
