import { expect, test } from '@playwright/test';

import { ExplainPage } from './explain-page.ts';
import { PROTECTED_USER_ID, TWITTER_DEV_ID } from './workbench-page.ts';

const ADA_ID = '1092837465019283746';

test.describe('explanations of sandbox scenarios', () => {
  test('401 from clock skew names the skew and the fix', async ({ page }) => {
    const workbench = new ExplainPage(page);
    await workbench.open();

    await test.step('Apply the Clock skew scenario', async () => {
      await workbench.applyScenario('Clock skew');
    });

    await test.step('Look up the authenticated user', async () => {
      await workbench.openRequest('Authenticated user lookup');
      await workbench.send();
      await expect(workbench.responseStatus()).toContainText('401');
    });

    await test.step('Read the explanation', async () => {
      await expect(workbench.explanation.getByRole('heading', { name: 'The clocks are too far apart' })).toBeVisible();
      const checks = workbench.explanation.getByRole('list', { name: 'Checks' });
      await expect(checks.getByRole('listitem').filter({ hasText: 'The clocks are too far apart' })).toContainText(/Found .*the local clock is (599|600|601) s behind the server's/);
      await expect(workbench.explanation.getByRole('list', { name: 'Next steps' })).toContainText('press "Reset sandbox"');
      await expect(workbench.explanation).toContainText('Real X does not send it');
    });

    await test.step('Follow the suggested action and reset the sandbox', async () => {
      await workbench.suggestedAction('Open sandbox scenarios').click();
      await workbench.resetSandbox();
      await workbench.send();

      await expect(workbench.responseStatus()).toContainText('200');
    });
  });

  test('403 oauth1-permissions says to regenerate the token', async ({ page }) => {
    const workbench = new ExplainPage(page);
    await workbench.open();
    await workbench.applyScenario('Read-only app');

    await test.step('Follow TwitterDev with the read-only app', async () => {
      await workbench.openRequest('Follow a user ID');
      await workbench.enterFollowTarget(TWITTER_DEV_ID);
      await workbench.send();
      await expect(workbench.responseStatus()).toContainText('403');
    });

    await test.step('Read the cause, X\'s own detail and the steps', async () => {
      await expect(workbench.explanation.getByRole('heading', { name: 'The app is read-only' })).toBeVisible();
      await expect(workbench.explanation.getByRole('definition').filter({ hasText: 'appropriate oauth1 app permissions' })).toBeVisible();
      const steps = workbench.explanation.getByRole('list', { name: 'Next steps' });
      await expect(steps).toContainText('set "App permissions" to Read and write');
      await expect(steps).toContainText('Regenerate the access token and secret');
    });

    await test.step('Open the environment from the suggested action', async () => {
      await workbench.suggestedAction('Open the environment').click();

      await expect(page.getByRole('dialog', { name: 'Environments' })).toBeVisible();
    });
  });

  test('429 gives the reset time and the meter shows the spent limit', async ({ page }) => {
    const workbench = new ExplainPage(page);
    await workbench.open();
    await workbench.applyScenario('Rate limit nearly spent');
    await workbench.openRequest('Authenticated user lookup');

    await test.step('Spend the last request', async () => {
      await workbench.send();
      await expect(workbench.responseStatus()).toContainText('200');
      await expect(workbench.request.getByRole('status', { name: 'Requests left' })).toHaveText('0/75 left');
    });

    await test.step('Send once more and read the 429', async () => {
      await workbench.send();

      await expect(workbench.responseStatus()).toContainText('429');
      await expect(workbench.explanation.getByRole('heading', { name: 'Rate limit reached' })).toBeVisible();
      await expect(workbench.explanation.getByRole('timer', { name: 'Time until the rate limit resets' })).toHaveText(/^1[45] min( \d+ s)? left$/);
      await expect(workbench.explanation.getByRole('list', { name: 'Next steps' })).toContainText(/Wait until \d\d:\d\d:\d\d \(in 1[45] min/);
      await expect(workbench.request.getByRole('timer', { name: 'Rate limit reset' })).toHaveText(/^resets in 1[45] min/);
    });

    await test.step('Reset the sandbox from the suggested action', async () => {
      await workbench.suggestedAction('Open sandbox scenarios').click();
      await workbench.resetSandbox();
      await workbench.send();

      await expect(workbench.responseStatus()).toContainText('200');
      await expect(workbench.request.getByRole('status', { name: 'Requests left' })).toHaveText('74/75 left');
    });
  });

  test('pending_follow becomes following after the account accepts', async ({ page }) => {
    const workbench = new ExplainPage(page);
    await workbench.open();
    await workbench.applyScenario('Protected target');

    await test.step('Follow the protected account', async () => {
      await workbench.scenarios.getByRole('button', { name: 'Use @protected_pat as target_user_id' }).click();
      await expect(workbench.request.getByLabel('target_user_id', { exact: true })).toHaveValue(PROTECTED_USER_ID);
      await workbench.send();

      await expect(workbench.explanation.getByRole('heading', { name: 'Follow request pending' })).toBeVisible();
      await expect(workbench.explanation).toContainText('until the person accepts it');
    });

    await test.step('Accept the request as @protected_pat', async () => {
      await workbench.suggestedAction('Accept or decline as that user').click();
      const pending = workbench.scenarios.getByRole('list', { name: 'Pending follow requests' });
      await pending.getByRole('button', { name: 'Accept as @protected_pat' }).click();

      await expect(pending).toBeHidden();
    });

    await test.step('Follow again: following is true', async () => {
      await workbench.send();

      await expect(workbench.meaning()).toHaveText(`Now following ${PROTECTED_USER_ID}`);
      await expect(workbench.explanation.getByRole('heading', { name: 'Following' })).toBeVisible();
    });
  });

  test('"Use my ID" fixes a path ID of another user', async ({ page }) => {
    const workbench = new ExplainPage(page);
    await workbench.open();
    await workbench.openRequest('Follow a user ID');
    await workbench.enterPathVariable('id', ADA_ID);
    await workbench.enterFollowTarget(TWITTER_DEV_ID);

    await test.step('Send anyway and get the 400', async () => {
      await workbench.sendButton().click();
      await workbench.request.getByRole('button', { name: 'Send anyway', exact: true }).click();
      await expect(workbench.responseStatus()).toContainText('400');
    });

    await test.step('Use my ID from the explanation', async () => {
      const myId = await workbench.sandboxUserId();
      await workbench.suggestedAction(`Use my ID (${myId})`).click();

      await expect(workbench.request.getByLabel('id', { exact: true })).toHaveValue(myId);
    });
  });

  test('the Signature tab shows the base string with masked credentials', async ({ page }) => {
    const workbench = new ExplainPage(page);
    await workbench.open();
    await workbench.openRequest('Authenticated user lookup');
    await workbench.send();

    await workbench.response.getByRole('tab', { name: 'Signature', exact: true }).click();
    const baseString = workbench.response.getByLabel('Signature base string');

    await expect(baseString).toHaveText(/^GET&http%3A%2F%2F127\.0\.0\.1%3A\d+%2F2%2Fusers%2Fme&oauth_consumer_key%3D\[consumer key …\w{4}\]%26/);
    await expect(baseString).toContainText('oauth_token%3D[access token …');
    await expect(workbench.response.getByLabel('Signing key shape')).toHaveText('<consumer secret>&<token secret>');
  });
});

test.describe('quick start', () => {
  test('checks off each step from the page state', async ({ page }) => {
    const workbench = new ExplainPage(page);
    await workbench.open();

    await test.step('It opens on the first visit with the keys already set', async () => {
      await expect(workbench.quickStart).toBeVisible();
      await expect(workbench.quickStartStep('Authenticate with OAuth 1.0a or OAuth 2.0')).toContainText('Done');
      await expect(workbench.quickStartStep('Send it and read the response')).toContainText('To do');
    });

    await test.step('Picking another request unchecks step 1, and its link checks it again', async () => {
      await workbench.openRequest('Authenticated user lookup');
      const pick = workbench.quickStartStep('Pick the request "Follow a user ID"');
      await expect(pick).toContainText('To do');

      await pick.getByRole('button', { name: 'Open Follow a user ID' }).click();
      await expect(pick).toContainText('Done');
    });

    await test.step('Entering the target checks off who follows whom', async () => {
      await workbench.enterFollowTarget(TWITTER_DEV_ID);

      await expect(workbench.quickStartStep('Say who follows whom: your ID and the target ID')).toContainText('Done');
    });

    await test.step('Sending checks off the follow', async () => {
      await workbench.send();

      await expect(workbench.quickStartStep('Send it and read the response')).toContainText('Done');
    });

    await test.step('Unfollowing checks off the last step', async () => {
      await workbench.quickStartStep('Unfollow with "Unfollow a user ID"').getByRole('button', { name: 'Open Unfollow a user ID' }).click();
      await workbench.enterPathVariable('target_user_id', TWITTER_DEV_ID);
      await workbench.send();

      await expect(workbench.quickStartStep('Unfollow with "Unfollow a user ID"')).toContainText('Done');
      await expect(workbench.quickStart.getByRole('status', { name: 'Quick start progress' })).toHaveText('5 of 5 done');
    });

    await test.step('It stays closed after a reload and reopens from the header', async () => {
      await workbench.quickStart.getByRole('button', { name: 'Close quick start' }).click();
      await page.reload();
      await expect(page.getByLabel('Environment', { exact: true })).toBeVisible();
      await expect(workbench.quickStart).toBeHidden();

      await page.getByRole('banner').getByRole('button', { name: 'Quick start', exact: true }).click();
      await expect(workbench.quickStart).toBeVisible();
    });
  });
});
