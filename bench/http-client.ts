import { Agent, request as httpRequest } from 'node:http';

/** A small keep-alive HTTP/1.1 client on node:http, lighter per request than fetch. */

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export interface HttpRequestInit {
  method: string;
  headers?: Record<string, string>;
  body?: string | null;
}

export class HttpClient {
  private readonly agent: Agent;

  constructor(maxSockets: number) {
    this.agent = new Agent({ keepAlive: true, maxSockets });
  }

  send(url: string, init: HttpRequestInit): Promise<HttpResponse> {
    const target = new URL(url);
    const headers: Record<string, string> = { ...init.headers };
    if (init.body !== undefined && init.body !== null) {
      headers['content-length'] = String(Buffer.byteLength(init.body));
    }

    return new Promise((resolve, reject) => {
      const outgoing = httpRequest(
        { agent: this.agent, host: target.hostname, port: target.port, method: init.method, path: `${target.pathname}${target.search}`, headers },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, text: Buffer.concat(chunks).toString('utf8') }));
          incoming.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(init.body ?? undefined);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
