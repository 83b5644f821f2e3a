import { expect, test } from '@playwright/test';
import { PROTECTED_USER_ID, TWITTER_DEV_ID, WorkbenchPage } from './workbench-page.ts';

test.describe('follow and unfollow against the sandbox', () => {
  test('new user follows TwitterDev, then unfollows', async ({ page }) => {
    const workbench = new WorkbenchPage(page);

    await test.step('Open the workbench and pick X Sandbox', async () => {
      await workbench.open();
      await workbench.pickEnvironment('X Sandbox');
    });

    await test.step('Follow 2244994945', async () => {
      await workbench.openRequest('Follow a user ID');
      await workbench.enterFollowTarget(TWITTER_DEV_ID);
      await workbench.send();

      await expect(workbench.responseStatus()).toContainText('200');
      await expect(workbench.meaning()).toHaveText(`Now following ${TWITTER_DEV_ID}`);
      await expect(workbench.responseBody()).toContainText('"following": true');
    });

    await test.step('See the request as sent, with the signature redacted', async () => {
      await workbench.response.getByRole('tab', { name: 'Request', exact: true }).click();

      const myId = await workbench.sandboxUserId();
      await expect(workbench.response.getByLabel('Sent URL')).toHaveText(new RegExp(`/2/users/${myId}/following$`));
      await expect(workbench.response).toContainText('oauth_signature="[redacted]"');
    });

    await test.step('Unfollow 2244994945', async () => {
      await workbench.openRequest('Unfollow a user ID');
      await workbench.enterPathVariable('target_user_id', TWITTER_DEV_ID);
      await workbench.send();

      await expect(workbench.responseStatus()).toContainText('200');
      await expect(workbench.meaning()).toHaveText(`No longer following ${TWITTER_DEV_ID}`);
      await workbench.response.getByRole('tab', { name: 'Body', exact: true }).click();
      await expect(workbench.responseBody()).toContainText('"following": false');
    });
  });

  test('following a protected account shows the pending meaning', async ({ page }) => {
    const workbench = new WorkbenchPage(page);
    await workbench.open();

    await test.step('Follow the protected account', async () => {
      await workbench.openRequest('Follow a user ID');
      await workbench.enterFollowTarget(PROTECTED_USER_ID);
      await workbench.send();
    });

    await expect(workbench.meaning()).toContainText('Follow request pending: the account is protected');
    await expect(workbench.responseBody()).toContainText('"pending_follow": true');
  });

  test('an ID with a trailing space is flagged and not sent', async ({ page }) => {
    const workbench = new WorkbenchPage(page);
    await workbench.open();
    await workbench.openRequest('Users a user ID is following');

    await workbench.enterPathVariable('id', `${TWITTER_DEV_ID} `);

    await expect(workbench.request.getByText(`id must be 1 to 19 digits; got "${TWITTER_DEV_ID} " (remove the trailing whitespace)`).first()).toBeVisible();
    await expect(workbench.sendButton()).toBeDisabled();
  });

  test('Ctrl+Enter sends the request', async ({ page }) => {
    const workbench = new WorkbenchPage(page);
    await workbench.open();
    await workbench.openRequest('Authenticated user lookup');

    await workbench.request.getByRole('tab', { name: 'Params', exact: true }).focus();
    await page.keyboard.press('Control+Enter');

    await expect(workbench.meaning()).toHaveText(new RegExp(`^@[A-Za-z0-9_]+ has ID ${await workbench.sandboxUserId()}$`));
  });
});
