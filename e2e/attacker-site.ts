import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small HTTP server on another loopback port that plays a hostile website. Its origin differs
 * from the workbench's only by the port, so the browser treats it as same-site but cross-origin:
 * the SameSite=Strict session cookie still rides along, and only the server's origin and CSRF
 * checks stand between its pages and /api.
 */
export interface AttackerSite {
  origin: string;
  /** Serves `html` at `pathname`; returns the page's full URL. */
  servePage(pathname: string, html: string): string;
  close(): Promise<void>;
}

export async function startAttackerSite(): Promise<AttackerSite> {
  const pages = new Map<string, string>();
  const server = http.createServer((req, res) => {
    const html = pages.get(new URL(req.url ?? '/', 'http://attacker.invalid').pathname);
    if (html === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    servePage(pathname, html) {
      pages.set(pathname, html);
      return `${origin}${pathname}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Escapes text for an HTML attribute value in double quotes. */
export function escapeAttribute(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
