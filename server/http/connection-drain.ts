import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/**
 * Closes keep-alive connections as their last response ends, once a shutdown has begun.
 * `server.close()` stops accepting and closes the idle connections. A connection whose response is
 * still in progress stays open after that response, until the client or the keep-alive timeout
 * (5 s by default in Node.js 20) closes it, and the shutdown would wait for it.
 */
export class ConnectionDrain {
  private readonly inProgress = new Set<ServerResponse>();
  private draining = false;

  constructor(private readonly server: Server) {
    server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
      this.inProgress.add(res);
      res.once('close', () => this.finished(res));
      if (this.draining) {
        markLastResponse(res);
      }
    });
  }

  /** Makes every response in progress, and any request still arriving on an open connection, the last on its connection. */
  start(): void {
    this.draining = true;
    for (const res of this.inProgress) {
      markLastResponse(res);
    }
  }

  private finished(res: ServerResponse): void {
    this.inProgress.delete(res);
    if (this.draining) {
      // Runs after Node.js has put the connection back to idle, which happens after 'close'.
      setImmediate(() => this.server.closeIdleConnections());
    }
  }
}

function markLastResponse(res: ServerResponse): void {
  if (!res.headersSent) {
    res.setHeader('Connection', 'close');
  }
}
