import http from 'node:http';

/**
 * Sends one HTTP request with node:http, which, unlike fetch, sends any bytes as the body (invalid
 * UTF-8 included), any Content-Type and the request target exactly as given.
 */

export interface RawRequest {
  method: string;
  /** Path and query exactly as they go on the request line. */
  target: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

export function sendRawRequest(origin: string, request: RawRequest): Promise<RawResponse> {
  const url = new URL(origin);
  const lengthHeader = request.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(request.body)) };

  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: request.method,
        path: request.target,
        headers: { host: url.host, ...lengthHeader, ...request.headers },
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, text, json: parseJson(text) });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
