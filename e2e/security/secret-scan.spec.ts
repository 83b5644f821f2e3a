import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import type { SandboxPortal } from '../../shared/sandbox-portal.ts';
import { EnvironmentDialog } from '../environment-dialog.ts';
import { builtClientDir, startOwnWorkbench, type OwnWorkbench } from '../own-workbench.ts';
import { findSecrets, readApiViews, readBrowserState, readFilesUnder, recordResponses, type Secret, type Source } from '../secret-scan.ts';
import { WorkbenchPage } from '../workbench-page.ts';

/**
 * Types secrets into the workbench, uses them and opens every view. Then it searches everything
 * that left the server for them: each response the browser received, what the browser stores, the
 * environment exports and request history, the server's log, its data files and the built client.
 * The test runs its own server so that it owns the log and the data folder.
 * NOTE: the page has no export, history or snippet view yet, so exports and history are read
 * through /api. Snippets are made in the browser from the request as sent, which is scanned here.
 */

/** margaret_apis in the sandbox; this test's server has a sandbox of its own, so no other test follows here. */
const FOLLOW_TARGET_ID = '1425364758691827364';
const PROBE_ENVIRONMENT = 'Secret probe 5f2a9c';
const SANDBOX_COPY_ENVIRONMENT = 'Sandbox copy';
const FREE_SECRET_KEY = 'webhook_secret';

/** Distinctive values that appear nowhere unless something leaks them. */
const TYPED_SECRETS = {
  consumer_key: 'zq-SECRET-consumer-7d1e94',
  consumer_secret: 'zq-SECRET-consumersecret-5a08c3',
  access_token: '42424242-SECRET-token-x9f3b1',
  token_secret: 'zq-SECRET-tokensecret-c62e07',
  bearer_token: 'zq-SECRET-bearer-93b4fd',
  [FREE_SECRET_KEY]: 'zq-SECRET-free-4e71aa',
};

let server: OwnWorkbench;

test.beforeAll(async () => {
  server = await startOwnWorkbench();
});

test.afterAll(async () => {
  await server.remove();
});

async function readSandboxKeys(sandboxUrl: string): Promise<Record<string, string>> {
  const portal = (await (await fetch(`${sandboxUrl}/portal.json`)).json()) as SandboxPortal;
  const app = portal.apps[0]!;
  const token = portal.tokens[0]!;

  return {
    consumer_key: app.consumerKey,
    consumer_secret: app.consumerSecret,
    access_token: token.accessToken,
    token_secret: token.accessTokenSecret,
    bearer_token: app.bearerToken,
  };
}

test('secrets leave no trace outside the server', async ({ browser }) => {
  test.setTimeout(120_000);
  const sandboxKeys = await readSandboxKeys(server.sandboxUrl);
  const secrets: Secret[] = [
    ...Object.entries(TYPED_SECRETS).map(([key, value]) => ({ label: `typed ${key}`, value })),
    ...Object.entries(sandboxKeys).map(([key, value]) => ({ label: `sandbox ${key}`, value })),
  ];
  const context = await browser.newContext({ baseURL: server.url });
  const responses = recordResponses(context);
  const page = await context.newPage();
  const workbench = new WorkbenchPage(page);
  const environments = new EnvironmentDialog(page);

  await test.step('Type made-up secrets into a new environment and save', async () => {
    await workbench.open();
    await environments.open();
    await environments.create(PROBE_ENVIRONMENT, server.sandboxUrl);
    for (const [key, value] of Object.entries(TYPED_SECRETS)) {
      if (key !== FREE_SECRET_KEY) {
        await environments.typeSecret(PROBE_ENVIRONMENT, key, value);
      }
    }
    await environments.addSecretVariable(PROBE_ENVIRONMENT, FREE_SECRET_KEY, TYPED_SECRETS[FREE_SECRET_KEY]);
    await environments.revealSecrets(PROBE_ENVIRONMENT);
    await environments.save(PROBE_ENVIRONMENT);
    await environments.revealSecrets(PROBE_ENVIRONMENT);
  });

  await test.step('Copy the sandbox keys into another environment and save', async () => {
    await environments.create(SANDBOX_COPY_ENVIRONMENT, server.sandboxUrl);
    for (const [key, value] of Object.entries(sandboxKeys)) {
      await environments.typeSecret(SANDBOX_COPY_ENVIRONMENT, key, value);
    }
    await environments.save(SANDBOX_COPY_ENVIRONMENT);
  });

  await test.step('Open every environment in the editor', async () => {
    for (const name of ['X Sandbox', 'X API', PROBE_ENVIRONMENT, SANDBOX_COPY_ENVIRONMENT]) {
      await environments.select(name);
      await environments.revealSecrets(name);
    }
    await environments.close();
  });

  await test.step('Follow with the copied sandbox keys and open every view', async () => {
    await workbench.pickEnvironment(SANDBOX_COPY_ENVIRONMENT);
    await workbench.openRequest('Follow a user ID');
    await workbench.enterFollowTarget(FOLLOW_TARGET_ID);
    await workbench.send();

    await expect(workbench.meaning()).toHaveText(`Now following ${FOLLOW_TARGET_ID}`);
    await openEveryView(workbench);
  });

  await test.step('Send with the made-up secrets, which the sandbox rejects', async () => {
    await workbench.pickEnvironment(PROBE_ENVIRONMENT);
    await workbench.enterFollowTarget(FOLLOW_TARGET_ID);
    await workbench.send();

    await expect(workbench.responseStatus()).toContainText('401');
    await openEveryView(workbench);
  });

  await test.step('Send a body that refers to the free secret, which the server refuses', async () => {
    await workbench.openRequestTab('Body');
    await workbench.request.getByLabel('Request body', { exact: true }).fill(`{"target_user_id": "{{${FREE_SECRET_KEY}}}"}`);
    await workbench.send();

    await expect(workbench.response.getByRole('alert')).toContainText(`{{${FREE_SECRET_KEY}}} is secret`);
  });

  await test.step('Show the built-in sandbox environment once more', async () => {
    await workbench.pickEnvironment('X Sandbox');
    await workbench.openRequestTab('Authorization');
    await expect(workbench.request).toContainText('consumer_key');
  });

  const sources: Source[] = [];
  await test.step('Collect what the browser received and keeps', async () => {
    sources.push(...(await responses.sources()));
    sources.push(...(await readBrowserState(page)));
    sources.push(...(await readApiViews(page.request)));
    sources.push({ where: 'browser context cookies', content: JSON.stringify(await context.cookies()) });
    await context.close();
  });

  await test.step('Collect the built client and the server files, running and stopped', async () => {
    sources.push(...readFilesUnder(builtClientDir, 'built client'));
    sources.push(...readFilesUnder(server.dataDir, 'data file (running)'));
    await server.stop();
    sources.push(...readFilesUnder(server.dataDir, 'data file (stopped)'));
    sources.push({ where: 'server log', content: fs.readFileSync(server.logFile) });
    await test.info().attach('server log', { path: server.logFile, contentType: 'text/plain' });
  });

  await test.step('The scan sees the non-secret environment name', () => {
    const nameFindings = findSecrets(sources, [{ label: 'name', value: PROBE_ENVIRONMENT }]);

    expect(nameFindings.some((finding) => finding.startsWith('name in response GET'))).toBe(true);
    expect(nameFindings.some((finding) => finding.includes('/export body'))).toBe(true);
    expect(nameFindings.some((finding) => finding.startsWith('name in api GET /api/history/'))).toBe(true);
    expect(nameFindings.some((finding) => finding.startsWith('name in data file (stopped) workbench.db'))).toBe(true);
    expect(fs.readFileSync(server.logFile, 'utf8')).toContain('"path":"/api/send"');
  });

  await test.step('No secret appears anywhere', () => {
    expect(findSecrets(sources, secrets)).toEqual([]);
  });
});

/** Opens the request editor's and the response viewer's tabs, so that each renders what it holds. */
async function openEveryView(workbench: WorkbenchPage): Promise<void> {
  for (const tab of ['Params', 'Body', 'Authorization'] as const) {
    await workbench.openRequestTab(tab);
  }
  for (const tab of ['Body', 'Headers', 'Request'] as const) {
    await workbench.openResponseTab(tab);
  }
}
