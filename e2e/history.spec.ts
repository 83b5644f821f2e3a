import { expect, test } from '@playwright/test';
import { PostmanPage } from './postman-page.ts';
import { TWITTER_DEV_ID, WorkbenchPage } from './workbench-page.ts';

test.describe('request history', () => {
  test('lists sends, opens, re-sends, deletes and clears them', async ({ page }) => {
    const workbench = new WorkbenchPage(page);
    const postman = new PostmanPage(page);
    await workbench.open();

    await test.step('Send two requests', async () => {
      await workbench.openRequest('Authenticated user lookup');
      await workbench.send();
      await workbench.openRequest('User by Username');
      await workbench.enterPathVariable('username', 'TwitterDev');
      await workbench.send();
      await expect(workbench.responseBody()).toContainText(TWITTER_DEV_ID);
    });

    await test.step('See both in the history, newest first', async () => {
      await postman.openHistory();

      await expect(postman.historyEntries()).toHaveCount(2);
      await expect(postman.historyEntries().first()).toHaveAccessibleName('User by Username, 200');
    });

    await test.step('Filter by endpoint', async () => {
      await postman.history().getByLabel('Endpoint').selectOption('Authenticated user lookup');

      await expect(postman.historyEntries()).toHaveCount(1);
      await postman.history().getByLabel('Endpoint').selectOption('');
      await expect(postman.historyEntries()).toHaveCount(2);
    });

    await test.step('Open the older entry in the response viewer', async () => {
      await postman.historyEntries().nth(1).getByRole('button', { name: 'Open' }).click();

      await expect(page.getByText(/Showing the history entry of .* \(Authenticated user lookup, via X Sandbox\)/)).toBeVisible();
      await expect(workbench.request.getByRole('heading', { name: 'Authenticated user lookup', exact: true })).toBeVisible();
      await expect(workbench.responseStatus()).toContainText('200');
    });

    await test.step('Re-send it', async () => {
      await postman.historyEntries().nth(1).getByRole('button', { name: 'Re-send' }).click();

      await expect(postman.historyEntries()).toHaveCount(3);
      await expect(postman.historyEntries().first()).toHaveAccessibleName('Authenticated user lookup, 200');
    });

    await test.step('Delete one entry', async () => {
      await postman.historyEntries().first().getByRole('button', { name: 'Delete' }).click();

      await expect(postman.historyEntries()).toHaveCount(2);
    });

    await test.step('Clear the history after confirming', async () => {
      await postman.history().getByRole('button', { name: 'Clear history…' }).click();
      await postman.history().getByRole('button', { name: 'Clear all' }).click();

      await expect(postman.historyEntries()).toHaveCount(0);
      await expect(postman.history()).toContainText('No sends yet.');
    });
  });

  test('filters by status', async ({ page }) => {
    const workbench = new WorkbenchPage(page);
    const postman = new PostmanPage(page);
    await workbench.open();
    await workbench.openRequest('Authenticated user lookup');
    await workbench.send();

    await postman.openHistory();
    await postman.history().getByLabel('Status').selectOption('4xx');
    await expect(postman.history()).toContainText('No sends match the filters.');
    await postman.history().getByLabel('Status').selectOption('2xx');

    await expect(postman.historyEntries()).toHaveCount(1);
    await expect(postman.historyEntries().first()).toHaveAccessibleName('Authenticated user lookup, 200');
  });
});
