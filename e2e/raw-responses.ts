import type { Page } from '@playwright/test';

/**
 * Watches for the next `method url` request of `page` and captures the HTTP status that the server
 * sent, as Chromium's network layer saw it. This works for a response that the browser then blocks
 * from the page (Cross-Origin-Resource-Policy, CORS), for which Playwright reports no response
 * event. Chromium only, through the Chrome DevTools Protocol.
 */
export async function watchRawStatus(page: Page, method: string, url: string): Promise<{ status: Promise<number> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');

  const status = new Promise<number>((resolve) => {
    const matchingIds = new Set<string>();
    const statusById = new Map<string, number>();
    const settle = (requestId: string) => {
      const received = statusById.get(requestId);
      if (matchingIds.has(requestId) && received !== undefined) {
        resolve(received);
        void cdp.detach().catch(() => undefined);
      }
    };

    cdp.on('Network.requestWillBeSent', (event) => {
      if (event.request.method === method && event.request.url === url) {
        matchingIds.add(event.requestId);
        settle(event.requestId);
      }
    });
    cdp.on('Network.responseReceivedExtraInfo', (event) => {
      statusById.set(event.requestId, event.statusCode);
      settle(event.requestId);
    });
  });

  return { status };
}
