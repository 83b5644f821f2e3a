import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import type { EnvironmentView } from '../../shared/api.ts';
import { EnvironmentDialog } from '../environment-dialog.ts';
import { findEnvironment, readSession } from '../workbench-api.ts';
import { WorkbenchPage } from '../workbench-page.ts';

/**
 * Two people use one workbench in team mode (the Playwright server runs with
 * WORKBENCH_TEAM_MODE=1), each in a browser context of their own. Neither may see, change, delete
 * or send with the other's environment, even by its ID.
 */

const ALICE_ENVIRONMENT = 'Alice private 3e8d';
const BOB_ENVIRONMENT = 'Bob private 71c0';

interface Person {
  page: Page;
  workbench: WorkbenchPage;
  environments: EnvironmentDialog;
}

async function openAsNewPerson(browser: Browser): Promise<Person> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const workbench = new WorkbenchPage(page);
  await workbench.open();

  return { page, workbench, environments: new EnvironmentDialog(page) };
}

/** Creates an environment in the UI, pointed at the sandbox so that no send could reach another host. */
async function createEnvironment(person: Person, name: string): Promise<EnvironmentView> {
  const { sandboxUrl } = await readSession(person.page.request);
  await person.environments.open();
  await person.environments.create(name, sandboxUrl);
  await person.environments.close();

  return findEnvironment(person.page.request, name);
}

async function pickerNames(person: Person): Promise<string[]> {
  const options = person.page.getByLabel('Environment', { exact: true }).locator('option');
  // Every workspace starts with X Sandbox, so its option shows that the list has loaded.
  await expect(options.filter({ hasText: /^X Sandbox$/ })).toHaveCount(1);

  return options.allTextContents();
}

async function listedInDialog(person: Person): Promise<string[]> {
  await person.environments.open();
  const names = await person.environments.listedNames();
  await person.environments.close();

  return names;
}

/** Sends a state-changing or reading call as the page does: the context's cookie, JSON and the session's CSRF token. */
async function callApi(request: APIRequestContext, method: string, url: string, data?: unknown) {
  const { csrfToken } = await readSession(request);

  return request.fetch(url, {
    method,
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
    ...(data === undefined ? {} : { data: JSON.stringify(data) }),
  });
}

test.describe('team mode', () => {
  test("each person's environments are invisible and untouchable to the other", async ({ browser }) => {
    const alice = await openAsNewPerson(browser);
    const bob = await openAsNewPerson(browser);
    const aliceEnvironment = await test.step('Alice creates her environment', () => createEnvironment(alice, ALICE_ENVIRONMENT));
    const bobEnvironment = await test.step('Bob creates his environment', () => createEnvironment(bob, BOB_ENVIRONMENT));

    await test.step('Each sees only their own environment, in the picker and the editor', async () => {
      await alice.page.reload();
      await bob.page.reload();

      expect(await pickerNames(alice)).toContain(ALICE_ENVIRONMENT);
      expect(await pickerNames(alice)).not.toContain(BOB_ENVIRONMENT);
      expect(await pickerNames(bob)).toContain(BOB_ENVIRONMENT);
      expect(await pickerNames(bob)).not.toContain(ALICE_ENVIRONMENT);
      expect(await listedInDialog(alice)).toContain(ALICE_ENVIRONMENT);
      expect(await listedInDialog(alice)).not.toContain(BOB_ENVIRONMENT);
      expect(await listedInDialog(bob)).toContain(BOB_ENVIRONMENT);
      expect(await listedInDialog(bob)).not.toContain(ALICE_ENVIRONMENT);
    });

    await test.step("Bob's own environment answers his calls", async () => {
      const own = await callApi(bob.page.request, 'GET', `/api/environments/${bobEnvironment.id}`);

      expect(own.status()).toBe(200);
    });

    await test.step("Bob gets 404 for every call on Alice's environment ID", async () => {
      const path = `/api/environments/${aliceEnvironment.id}`;
      const read = await callApi(bob.page.request, 'GET', path);
      const rename = await callApi(bob.page.request, 'PATCH', path, { name: 'Taken by Bob' });
      const remove = await callApi(bob.page.request, 'DELETE', path);
      const send = await callApi(bob.page.request, 'POST', '/api/send', {
        environmentId: aliceEnvironment.id,
        requestId: 'me',
        pathVariables: {},
        query: [],
        body: null,
      });

      expect(read.status()).toBe(404);
      expect(rename.status()).toBe(404);
      expect(remove.status()).toBe(404);
      expect(send.status()).toBe(404);
      expect(JSON.stringify(await read.json())).not.toContain(ALICE_ENVIRONMENT);
    });

    await test.step("Alice's environment is unchanged", async () => {
      const after = await callApi(alice.page.request, 'GET', `/api/environments/${aliceEnvironment.id}`);

      expect(after.status()).toBe(200);
      expect(await after.json()).toEqual(aliceEnvironment);
      await alice.page.reload();
      expect(await pickerNames(alice)).toContain(ALICE_ENVIRONMENT);
    });

    await test.step("Alice's session cookie is httpOnly and SameSite=Strict", async () => {
      const cookies = await alice.page.context().cookies();
      const session = cookies.find((cookie) => cookie.name === 'wb_session');

      expect(session?.httpOnly).toBe(true);
      expect(session?.sameSite).toBe('Strict');
      expect(await alice.page.evaluate(() => document.cookie)).not.toContain('wb_session');
    });

    await alice.page.context().close();
    await bob.page.context().close();
  });
});
