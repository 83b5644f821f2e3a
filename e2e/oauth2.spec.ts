import { expect, test, type Page } from '@playwright/test';
import { SANDBOX_USER_ID, TWITTER_DEV_ID, WorkbenchPage } from './workbench-page.ts';

const ADA_ID = '1092837465019283746';
const DEFAULT_SCOPES = 'tweet.read users.read follows.read follows.write offline.access';

async function chooseAuthType(workbench: WorkbenchPage, label: string): Promise<void> {
  await workbench.openRequestTab('Authorization');
  await workbench.request.getByLabel('Auth type', { exact: true }).selectOption({ label });
}

/** Walks the sandbox's consent page, which plays the part of x.com/i/oauth2/authorize. */
async function consentAs(page: Page, userId: string, button: 'Authorize app' | 'Cancel'): Promise<void> {
  await expect(page.getByRole('heading', { name: /to access your account\?$/ })).toBeVisible();
  await page.getByLabel('Sign in as').selectOption(userId);
  await page.getByRole('button', { name: button, exact: true }).click();
}

test.describe('OAuth 2.0 User Context and app-only bearer against the sandbox', () => {
  test('authorize with PKCE, follow with the OAuth 2.0 token, sign out', async ({ page }) => {
    const workbench = new WorkbenchPage(page);
    const oauth2Status = workbench.request.getByRole('status', { name: 'OAuth 2.0 status' });

    await test.step('Pick OAuth 2.0 for the follow request', async () => {
      await workbench.open();
      await workbench.pickEnvironment('X Sandbox');
      await workbench.openRequest('Follow a user ID');
      await chooseAuthType(workbench, 'OAuth 2.0 User Context (PKCE)');

      await expect(oauth2Status).toHaveText('Nobody is signed in with OAuth 2.0 in X Sandbox.');
      await expect(workbench.request.getByText(/\/oauth2\/callback$/)).toBeVisible();
    });

    await test.step('Authorize as @ada_builds on the consent page', async () => {
      await workbench.request.getByRole('button', { name: 'Authorize', exact: true }).click();
      await consentAs(page, ADA_ID, 'Authorize app');
    });

    await test.step('Land back signed in, with the code gone from the address bar', async () => {
      await expect(page.getByText(`Signed in with OAuth 2.0 as @ada_builds (ID ${ADA_ID}) in X Sandbox`)).toBeVisible();
      expect(new URL(page.url()).search).toBe('');
      await expect(oauth2Status).toContainText(`@ada_builds (ID ${ADA_ID})`);
      await expect(oauth2Status).toContainText(DEFAULT_SCOPES);
      await expect(oauth2Status).toContainText('refreshed automatically shortly before');
      await expect(oauth2Status.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
    });

    await test.step('Follow TwitterDev as @ada_builds', async () => {
      await workbench.enterFollowTarget(TWITTER_DEV_ID);
      await workbench.send();

      await expect(workbench.responseStatus()).toContainText('200');
      await expect(workbench.meaning()).toHaveText(`Now following ${TWITTER_DEV_ID}`);
      await workbench.response.getByRole('tab', { name: 'Request', exact: true }).click();
      await expect(workbench.response.getByLabel('Sent URL')).toHaveText(new RegExp(`/2/users/${ADA_ID}/following$`));
      await expect(workbench.response).toContainText('Bearer [redacted]');
    });

    await test.step('Sign out', async () => {
      await workbench.openRequestTab('Authorization');
      await workbench.request.getByRole('button', { name: 'Sign out', exact: true }).click();

      await expect(workbench.request.getByText('Signed out: the tokens were revoked and deleted.')).toBeVisible();
      await expect(oauth2Status).toHaveText('Nobody is signed in with OAuth 2.0 in X Sandbox.');
    });
  });

  test('a cancelled authorization says so', async ({ page }) => {
    const workbench = new WorkbenchPage(page);
    await workbench.open();
    await workbench.openRequest('Authenticated user lookup');
    await chooseAuthType(workbench, 'OAuth 2.0 User Context (PKCE)');

    await test.step('Cancel on the consent page', async () => {
      await workbench.request.getByRole('button', { name: 'Authorize', exact: true }).click();
      await consentAs(page, SANDBOX_USER_ID, 'Cancel');
    });

    await expect(page.getByRole('alert').filter({ hasText: 'OAuth 2.0 sign-in failed' })).toContainText(
      'Authorization was cancelled on the consent page (access_denied)',
    );
    await expect(workbench.request.getByRole('status', { name: 'OAuth 2.0 status' })).toHaveText('Nobody is signed in with OAuth 2.0 in X Sandbox.');
  });

  test('an app-only bearer follow shows the 403 and what to use instead', async ({ page }) => {
    const workbench = new WorkbenchPage(page);
    await workbench.open();
    await workbench.openRequest('Follow a user ID');

    await test.step('Follow with the app-only bearer token', async () => {
      await chooseAuthType(workbench, 'App-only Bearer');
      await workbench.enterPathVariable('id', await workbench.sandboxUserId());
      await workbench.enterFollowTarget(TWITTER_DEV_ID);
      await workbench.send();
    });

    await test.step('See the 403 and the advice', async () => {
      await expect(workbench.responseStatus()).toContainText('403');
      await expect(workbench.meaning()).toContainText('403 Unsupported Authentication');
      await expect(workbench.meaning()).toContainText(
        'switch the Authorization type to OAuth 1.0a User Context or OAuth 2.0 User Context (PKCE)',
      );
    });

    await test.step('Switch to OAuth 1.0a and follow', async () => {
      await workbench.response.getByRole('button', { name: 'Use OAuth 1.0a User Context', exact: true }).click();
      await expect(workbench.request.getByLabel('Auth type', { exact: true })).toHaveValue('oauth1');
      await workbench.send();

      await expect(workbench.meaning()).toHaveText(`Now following ${TWITTER_DEV_ID}`);
    });
  });

  test('Use my ID and Look up username fill the fields', async ({ page }) => {
    const workbench = new WorkbenchPage(page);
    await workbench.open();
    await workbench.openRequest('Unfollow a user ID');

    await test.step('Use my ID for source_user_id', async () => {
      await workbench.request.getByRole('button', { name: 'Use my ID for source_user_id' }).click();

      await expect(workbench.request.getByLabel('source_user_id', { exact: true })).toHaveValue(await workbench.sandboxUserId());
    });

    await test.step('Look up @TwitterDev and use it as target_user_id', async () => {
      await workbench.request.getByLabel('Username to look up').fill('@TwitterDev');
      await workbench.request.getByRole('button', { name: 'Look up username', exact: true }).click();

      await expect(workbench.request.getByText(`@TwitterDev has ID ${TWITTER_DEV_ID}`)).toBeVisible();
      await workbench.request.getByRole('button', { name: 'Use as target_user_id', exact: true }).click();
      await expect(workbench.request.getByLabel('target_user_id', { exact: true })).toHaveValue(TWITTER_DEV_ID);
    });
  });

  test('a follow for another user ID warns with both IDs', async ({ page }) => {
    const workbench = new WorkbenchPage(page);
    await workbench.open();
    await workbench.openRequest('Follow a user ID');
    await workbench.enterPathVariable('id', ADA_ID);
    await workbench.enterFollowTarget(TWITTER_DEV_ID);

    await test.step('Press Send and see the warning', async () => {
      await workbench.sendButton().click();

      const warning = workbench.request.getByRole('alert').filter({ hasText: 'This ID is not the authenticated user' });
      await expect(warning).toContainText(`id is ${ADA_ID}, but the authenticated user is ${await workbench.sandboxUserId()}.`);
    });

    await test.step('Send anyway and get X\'s 400', async () => {
      await workbench.request.getByRole('button', { name: 'Send anyway', exact: true }).click();
      await expect(workbench.response).toHaveAttribute('aria-busy', 'false');

      await expect(workbench.responseStatus()).toContainText('400');
    });
  });
});
