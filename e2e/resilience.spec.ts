import { expect, test } from '@playwright/test';
import { WorkbenchPage } from './workbench-page.ts';

test.describe('page resilience', () => {
  test('failed panel download stays contained', async ({ page }) => {
    const workbench = new WorkbenchPage(page);
    // The server restarting between page load and first use is the real cause; aborting the
    // download of the explanation's code reproduces it without a restart.
    await page.route(/\/assets\/ExplanationSection-[^/]*\.js$/, (route) => route.abort('connectionreset'));
    await workbench.open();

    await test.step('Send a request whose meaning cannot be shown', async () => {
      await workbench.openRequest('Authenticated user lookup');
      await workbench.send();
    });

    await expect(workbench.response.getByRole('alert').filter({ hasText: 'Could not show the meaning of the response' })).toBeVisible();
    await expect(workbench.responseStatus()).toContainText('200');
    await expect(workbench.sendButton()).toBeEnabled();
  });
});
