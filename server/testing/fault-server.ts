import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A loopback HTTP server that misbehaves on purpose, for tests of the proxy's upstream handling.
 * The fault is picked from the username of `GET /2/users/by/username/:username`, so one server
 * serves every fault through the "User by Username" request. Any other path gets the server's
 * `defaultFault`. Every request is recorded before the fault happens.
 */

export const FAULTS = [
  /** 200 with a small JSON body. */
  'ok',
  /** Sends the status line, headers and half the body, then destroys the socket. */
  'reset',
  /** Destroys the socket before any byte of the response. */
  'reset_early',
  /** Accepts the request and never responds. */
  'no_answer',
  /** 200 with a JSON body sent one byte every 100 ms, without end. */
  'trickle',
  /** 200 with a JSON body after the server's `slowDelayMs`. */
  'slow',
  /** 200 with an HTML page, as a captive portal or a misrouted proxy would send. */
  'html',
  /** 200 with no body at all. */
  'empty',
  /** 503 with an HTML body, as a load balancer sends when the service is down. */
  'error_503',
  /** 500 with a JSON problem body. */
  'error_500',
  /** 200 with Content-Type application/json and a body cut in the middle of an object. */
  'bad_json',
  /** 200 with a valid JSON body of HUGE_BODY_BYTES. */
  'huge',
  /** 200 with a body that keeps coming as fast as the socket takes it. */
  'endless',
  /** Bytes that are not HTTP at all. */
  'not_http',
] as const;
export type Fault = (typeof FAULTS)[number];

export interface FaultServerOptions {
  /** Fault for every path other than the username lookup; defaults to 'ok'. */
  defaultFault?: Fault;
  /** Delay of the 'slow' fault; defaults to 1000 ms. */
  slowDelayMs?: number;
}

/** 3 MiB: larger than the proxy keeps (1 MiB), smaller than it reads (10 MiB). */
export const HUGE_BODY_BYTES = 3 * 1024 * 1024;

export const OK_BODY = '{"data":{"id":"2244994945","name":"X Dev","username":"XDevelopers"}}';
export const HTML_BODY = '<!DOCTYPE html><html><head><title>Sign in to the Wi-Fi</title></head><body><h1>Sign in</h1></body></html>';
export const BAD_JSON_BODY = '{"data":{"id":"2244994945","name":"X Dev"';
export const ERROR_503_BODY = '<html><body><h1>503 Service Unavailable</h1>No server is available to handle this request.</body></html>';
export const ERROR_500_BODY = '{"title":"Internal Server Error","type":"about:blank","status":500,"detail":"Something broke"}';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  fault: Fault;
}

export interface FaultServer {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startFaultServer(options: FaultServerOptions = {}): Promise<FaultServer> {
  const slowDelayMs = options.slowDelayMs ?? 1000;
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    const fault = pickFault(req.url ?? '/', options.defaultFault ?? 'ok');
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, fault });
    // Reads and drops the request body, so that the fault happens after the whole request arrived.
    req.resume();
    req.on('end', () => applyFault(fault, res, { timers, slowDelayMs }));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) {
          clearInterval(timer);
        }
        for (const socket of sockets) {
          socket.destroy();
        }
        server.close(() => resolve());
      }),
  };
}

/** Returns an origin on which nothing listens: a port that was bound and then released. */
export async function findClosedPortOrigin(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));

  return `http://127.0.0.1:${port}`;
}

function pickFault(url: string, defaultFault: Fault): Fault {
  const match = /^\/2\/users\/by\/username\/([A-Za-z0-9_]+)/.exec(url);
  const named = match?.[1];

  return (FAULTS as readonly string[]).includes(named ?? '') ? (named as Fault) : defaultFault;
}

function applyFault(fault: Fault, res: http.ServerResponse, context: { timers: Set<NodeJS.Timeout>; slowDelayMs: number }): void {
  const { timers, slowDelayMs } = context;
  const socket = res.socket;
  switch (fault) {
    case 'ok':
      res.writeHead(200, { 'content-type': 'application/json' }).end(OK_BODY);
      return;
    case 'reset':
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(OK_BODY.length) });
      res.write(OK_BODY.slice(0, OK_BODY.length / 2), () => socket?.destroy());
      return;
    case 'reset_early':
      socket?.destroy();
      return;
    case 'no_answer':
      return;
    case 'trickle': {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"data":[');
      const timer = setInterval(() => res.write(' '), 100);
      timers.add(timer);
      res.on('close', () => clearInterval(timer));
      return;
    }
    case 'slow': {
      const timer = setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end(OK_BODY), slowDelayMs);
      timers.add(timer);
      return;
    }
    case 'html':
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(HTML_BODY);
      return;
    case 'empty':
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '0' }).end();
      return;
    case 'error_503':
      res.writeHead(503, { 'content-type': 'text/html' }).end(ERROR_503_BODY);
      return;
    case 'error_500':
      res.writeHead(500, { 'content-type': 'application/problem+json' }).end(ERROR_500_BODY);
      return;
    case 'bad_json':
      res.writeHead(200, { 'content-type': 'application/json' }).end(BAD_JSON_BODY);
      return;
    case 'huge':
      res.writeHead(200, { 'content-type': 'application/json' }).end(hugeJsonBody());
      return;
    case 'endless':
      res.writeHead(200, { 'content-type': 'application/json' });
      writeEndlessly(res);
      return;
    case 'not_http':
      socket?.end('SSH-2.0-OpenSSH_9.6\r\n\r\n');
      return;
  }
}

/** Returns a JSON object of exactly HUGE_BODY_BYTES bytes: {"padding":"xxx…"}. */
function hugeJsonBody(): string {
  const frame = '{"padding":""}';

  return `{"padding":"${'x'.repeat(HUGE_BODY_BYTES - frame.length)}"}`;
}

function writeEndlessly(res: http.ServerResponse): void {
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  const writeMore = () => {
    while (!res.destroyed && res.write(chunk)) {
      // Keeps writing until the socket's buffer is full, then waits for 'drain'.
    }
  };
  res.on('drain', writeMore);
  writeMore();
}
