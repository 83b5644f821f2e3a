import type { IncomingMessage } from 'node:http';
import type { HeaderList, SentRequest, UpstreamResponse } from '../../../shared/api.ts';
import { ApiError } from '../../http/errors.ts';
import { startExchange, type UpstreamExchange } from './upstream-client.ts';

/**
 * Sends a signed request upstream over real HTTP and reads the response with limits: a timeout for
 * the whole exchange, redirects returned instead of followed, and a cap on the body that is kept.
 * Network failures become ApiErrors that name the target URL and what to check.
 */

/** Bytes of the response body that are kept and shown. */
export const MAX_KEPT_BODY_BYTES = 1024 * 1024;
/** Bytes read in all before the proxy stops reading a body that keeps coming. */
const MAX_READ_BODY_BYTES = 10 * 1024 * 1024;

export interface ForwardInput {
  request: SentRequest;
  /** Headers to send, including the real Authorization value (never shown). */
  headers: HeaderList;
  timeoutMs: number;
}

export interface ForwardResult {
  response: UpstreamResponse;
  durationMs: number;
  sizeBytes: number;
}

export async function forward(input: ForwardInput): Promise<ForwardResult> {
  const { request, timeoutMs } = input;
  const started = performance.now();

  let response: UpstreamExchange;
  try {
    response = await startExchange({ method: request.method, url: request.url, headers: input.headers, body: request.body, timeoutMs });
  } catch (error) {
    throw networkError(error, request, timeoutMs, 'headers');
  }

  let body: { text: string; sizeBytes: number; truncated: boolean };
  try {
    body = await readBody(response.body);
  } catch (error) {
    throw networkError(error, request, timeoutMs, 'body');
  } finally {
    response.finish();
  }

  return {
    response: {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
      body: body.text,
      truncated: body.truncated,
    },
    durationMs: Math.round((performance.now() - started) * 10) / 10,
    sizeBytes: body.sizeBytes,
  };
}

async function readBody(stream: IncomingMessage): Promise<{ text: string; sizeBytes: number; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let kept = 0;
  let sizeBytes = 0;

  for await (const chunk of stream as AsyncIterable<Buffer>) {
    sizeBytes += chunk.byteLength;
    if (kept < MAX_KEPT_BODY_BYTES) {
      const part = chunk.subarray(0, MAX_KEPT_BODY_BYTES - kept);
      chunks.push(part);
      kept += part.byteLength;
    }
    if (sizeBytes >= MAX_READ_BODY_BYTES) {
      // Leaving the loop destroys the stream, and with it the connection.
      break;
    }
  }

  const text = new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));

  return { text, sizeBytes, truncated: sizeBytes > kept };
}

/** The phase of the exchange that failed: before the response headers arrived, or while reading the body. */
type ExchangePhase = 'headers' | 'body';

function networkError(error: unknown, request: SentRequest, timeoutMs: number, phase: ExchangePhase): ApiError {
  const target = `${request.method} ${request.url}`;
  if (isTimeout(error)) {
    const when = phase === 'headers' ? 'before a response arrived' : 'while the response body was still arriving';
    return new ApiError(
      'upstream_timeout',
      `${target} timed out after ${timeoutMs} ms ${when} (check that the server is up; WORKBENCH_UPSTREAM_TIMEOUT_MS sets the limit)`,
      { target: request.url, request, cause: error },
    );
  }

  const code = causeCode(error);
  const when = phase === 'headers' ? 'before a response arrived' : 'while reading the response body';
  return new ApiError('upstream_unreachable', `${target} failed ${when}: ${describeNetworkCode(code)}`, {
    target: request.url,
    request,
    cause: error,
  });
}

function isTimeout(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;

  return name === 'TimeoutError' || name === 'AbortError';
}

function causeCode(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') {
      return code;
    }
    current = (current as { cause?: unknown }).cause;
  }

  return 'UNKNOWN';
}

function describeNetworkCode(code: string): string {
  if (code === 'ECONNREFUSED') {
    return 'connection refused (is the server running on that port? check the environment\'s base URL)';
  }
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') {
    return 'the connection was reset by the server (try again; if it repeats, the server is failing)';
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return 'the host name could not be resolved (check the base URL and your DNS or network connection)';
  }
  if (code === 'UND_ERR_HEADERS_OVERFLOW' || code === 'HPE_HEADER_OVERFLOW') {
    return 'the response headers were too large';
  }
  if (code.startsWith('HPE_')) {
    return `the server sent an invalid HTTP response (${code})`;
  }
  if (code.startsWith('ERR_TLS') || code.startsWith('CERT_') || code.includes('CERT') || code === 'EPROTO') {
    return `the TLS handshake failed (${code}); check the system clock and any proxy that intercepts HTTPS`;
  }

  return `network error ${code} (check the network connection and the base URL)`;
}
