import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { HeaderList } from '../../../shared/api.ts';

/**
 * One HTTP exchange with an upstream on node:http and node:https, with keep-alive connections.
 * It replaces fetch, because fetch spent about 250 µs of CPU per small loopback request and
 * node:http about 40 µs (Node 20.20, 2-core AMD EPYC; docs/benchmarks.md has the numbers). Like
 * fetch with `redirect: 'manual'`, it never follows a redirect.
 */

/**
 * Maximum time an idle connection is kept. A server that announces a shorter `Keep-Alive: timeout`
 * gets its connections closed one second before that, so a request is not sent on a connection
 * that the server is just closing.
 */
const IDLE_CONNECTION_MS = 4000;

const httpAgent = new HttpAgent({ keepAlive: true, timeout: IDLE_CONNECTION_MS });
const httpsAgent = new HttpsAgent({ keepAlive: true, timeout: IDLE_CONNECTION_MS });

export interface UpstreamRequest {
  method: string;
  url: string;
  /** Headers to send; Content-Length is added for a body. */
  headers: HeaderList;
  body: string | null;
  /** Destroys the exchange with `timeoutError` once this many milliseconds have passed since the start. */
  timeoutMs: number;
}

/** The status line and headers of a response, with its body still to be read. */
export interface UpstreamExchange {
  status: number;
  statusText: string;
  /** Lower-case names in order, repeated names joined with ", " (except set-cookie), as fetch's Headers lists them. */
  headers: HeaderList;
  body: IncomingMessage;
  /** Stops the timeout timer; call it once the body is read or abandoned. */
  finish(): void;
}

/** Creates the error of an exchange that ran out of time, named "TimeoutError" as AbortSignal.timeout names it. */
export function timeoutError(timeoutMs: number): Error {
  const error = new Error(`The upstream exchange took longer than ${timeoutMs} ms`);
  error.name = 'TimeoutError';

  return error;
}

/** Sends the request and resolves once the response headers arrive. */
export function startExchange(input: UpstreamRequest): Promise<UpstreamExchange> {
  const url = new URL(input.url);
  const isHttps = url.protocol === 'https:';
  const headers: Record<string, string> = Object.fromEntries(input.headers);
  if (input.body !== null) {
    headers['Content-Length'] = String(Buffer.byteLength(input.body));
  }

  return new Promise((resolve, reject) => {
    const request = (isHttps ? httpsRequest : httpRequest)(url, {
      method: input.method,
      headers,
      agent: isHttps ? httpsAgent : httpAgent,
    });
    let response: IncomingMessage | null = null;
    // Before the headers arrive, the request fails with the error; after, the body stream does.
    const timer = setTimeout(() => (response ?? request).destroy(timeoutError(input.timeoutMs)), input.timeoutMs);
    const finish = () => clearTimeout(timer);

    // A socket can fail more than once (a reset after a timeout), so every error needs a listener.
    request.on('error', (error) => {
      finish();
      reject(error);
    });
    request.once('response', (incoming) => {
      response = incoming;
      resolve({
        status: incoming.statusCode ?? 0,
        statusText: incoming.statusMessage ?? '',
        headers: listHeaders(incoming.rawHeaders),
        body: incoming,
        finish,
      });
    });
    request.end(input.body ?? undefined);
  });
}

/** Turns [name, value, name, value, ...] into the list that iterating fetch's Headers gives. */
function listHeaders(rawHeaders: string[]): HeaderList {
  const combined = new Map<string, string>();
  const cookies: string[] = [];
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    const name = rawHeaders[index]!.toLowerCase();
    const value = rawHeaders[index + 1]!;
    if (name === 'set-cookie') {
      cookies.push(value);
      continue;
    }
    const previous = combined.get(name);
    combined.set(name, previous === undefined ? value : `${previous}, ${value}`);
  }

  const list: HeaderList = [...combined.entries(), ...cookies.map((cookie): [string, string] => ['set-cookie', cookie])];
  list.sort(([nameA], [nameB]) => {
    if (nameA === nameB) {
      return 0;
    }
    return nameA < nameB ? -1 : 1;
  });

  return list;
}
