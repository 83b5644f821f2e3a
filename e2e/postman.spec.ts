import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { buildTestCollection } from '../shared/testing/postman-builders.ts';
import { FIXTURES, FIXTURES_SKIP_REASON, HAVE_FIXTURES, PostmanPage } from './postman-page.ts';
import { TWITTER_DEV_ID, WorkbenchPage } from './workbench-page.ts';

test.describe('Postman import and export', () => {
  test("X's official collection and environment run against the sandbox", async ({ page }) => {
    test.skip(!HAVE_FIXTURES, FIXTURES_SKIP_REASON);
    const workbench = new WorkbenchPage(page);
    const postman = new PostmanPage(page);
    await workbench.open();

    await test.step('Import the collection with the file picker', async () => {
      await postman.importFile(path.join(FIXTURES, 'Twitter API v2.postman_collection.json'));

      await expect(postman.importStatus()).toContainText(/Imported the collection Twitter API v2 with \d+ requests\./);
      await expect(postman.collection('Twitter API v2')).toBeVisible();
    });

    await test.step('Import the environment, whose placeholders become unset', async () => {
      await postman.importFile(path.join(FIXTURES, 'Twitter API v2.postman_environment.json'));

      await expect(postman.importStatus()).toContainText('Imported the environment Twitter API v2 (base URL https://api.x.com).');
      await expect(postman.importStatus()).toContainText('Placeholder values were imported as unset: consumer_key, consumer_secret, access_token, token_secret.');
      await expect(page.getByLabel('Environment', { exact: true }).getByRole('option', { name: 'Twitter API v2' })).toHaveCount(1);
    });

    await test.step('Open Follow a user ID, pick X Sandbox and send', async () => {
      await postman.openImportedRequest('Twitter API v2', 'Follows', 'Follow a user ID');
      await workbench.pickEnvironment('X Sandbox');

      await expect(workbench.request.getByRole('note', { name: 'Script note' })).toContainText("fills :id from the access token's numeric prefix");
      await workbench.send();

      await expect(workbench.responseStatus()).toContainText('200');
      await expect(workbench.meaning()).toHaveText(`Now following ${TWITTER_DEV_ID}`);
      await expect(workbench.responseBody()).toContainText('"following": true');
    });
  });

  test('built collection drops, sends and exports', async ({ page }) => {
    const workbench = new WorkbenchPage(page);
    const postman = new PostmanPage(page);
    await workbench.open();

    await test.step('Drop the collection on the import zone', async () => {
      await postman.dropText('built.postman_collection.json', JSON.stringify(buildTestCollection('Dropped collection')));

      await expect(postman.importStatus()).toContainText('Imported the collection Dropped collection with 3 requests.');
    });

    await test.step('Send User by Username on {{base_url}} with the inherited bearer token', async () => {
      await postman.openImportedRequest('Dropped collection', 'Users', 'User by Username');
      await workbench.request.getByLabel('username', { exact: true }).fill('TwitterDev');
      await workbench.send();

      await expect(workbench.responseBody()).toContainText(`"id": "${TWITTER_DEV_ID}"`);
    });

    await test.step('Export the collection as a Postman v2.1 file', async () => {
      const download = page.waitForEvent('download');
      await postman.collection('Dropped collection').getByRole('link', { name: 'Export' }).click();
      const file = await (await download).path();
      const exported = JSON.parse(fs.readFileSync(file, 'utf8')) as { info: { schema: string; name: string } };

      expect((await download).suggestedFilename()).toBe('Dropped collection.postman_collection.json');
      expect(exported.info).toMatchObject({ name: 'Dropped collection', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' });
    });
  });

  test('a malformed file shows the error and changes nothing', async ({ page }) => {
    const workbench = new WorkbenchPage(page);
    const postman = new PostmanPage(page);
    await workbench.open();
    const text = JSON.stringify(buildTestCollection('Never imported'));

    await postman.importText('cut.json', text.slice(0, 200));

    await expect(postman.importAlert()).toContainText('Import failed: cut.json is not valid JSON');
    await expect(postman.collection('Never imported')).toHaveCount(0);
    const collections = await page.request.get('/api/collections');
    expect(await collections.json()).toEqual([]);
  });

  test('disallowed host disables Send with reason', async ({ page }) => {
    const workbench = new WorkbenchPage(page);
    const postman = new PostmanPage(page);
    await workbench.open();
    const collection = {
      info: { name: 'Elsewhere', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: [{ name: 'Somewhere else', request: { method: 'GET', url: 'https://example.com/2/users/me' } }],
    };

    await postman.importText('elsewhere.json', JSON.stringify(collection));
    await postman.openImportedRequest('Elsewhere', null, 'Somewhere else');

    await expect(workbench.sendButton()).toBeDisabled();
    await expect(workbench.request).toContainText('Send is disabled: Its host https://example.com is not an allowed upstream');
  });

  test('code snippets read credentials from environment variables', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const workbench = new WorkbenchPage(page);
    await workbench.open();
    await workbench.openRequest('Follow a user ID');
    await workbench.enterFollowTarget(TWITTER_DEV_ID);

    await page.getByRole('button', { name: 'Code', exact: true }).click();
    const code = page.getByRole('region', { name: 'Code' });
    await expect(code.getByLabel('Code snippet')).toContainText('X_API_KEY');

    const sandbox = (await (await page.request.get('/api/session')).json()) as { sandboxUrl: string };
    const portal = (await (await page.request.get(`${sandbox.sandboxUrl}/portal.json`)).json()) as {
      apps: Array<{ consumerKey: string; consumerSecret: string; bearerToken: string }>;
      tokens: Array<{ accessToken: string; accessTokenSecret: string }>;
    };
    const secrets = [...portal.apps.flatMap((app) => [app.consumerKey, app.consumerSecret, app.bearerToken]), ...portal.tokens.flatMap((token) => [token.accessToken, token.accessTokenSecret])];
    for (const language of ['curl', 'xurl', 'twurl', 'Node.js', 'Python']) {
      await test.step(`The ${language} snippet contains no secret`, async () => {
        await code.getByRole('tab', { name: language, exact: true }).click();
        const text = (await code.getByLabel('Code snippet').textContent()) ?? '';

        expect(text).toContain(TWITTER_DEV_ID);
        expect(text).not.toContain('***');
        for (const secret of secrets) {
          expect(text).not.toContain(secret);
        }
      });
    }

    await test.step('Copy puts the snippet on the clipboard', async () => {
      await code.getByRole('button', { name: 'Copy', exact: true }).click();

      await expect(code.getByRole('status')).toHaveText('Copied to the clipboard.');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('requests_oauthlib');
    });
  });
});
