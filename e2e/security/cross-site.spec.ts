import { expect, test, type Page, type Response } from '@playwright/test';
import { sendRequestSchema, type ApiErrorBody } from '../../shared/api.ts';
import { escapeAttribute, startAttackerSite, type AttackerSite } from '../attacker-site.ts';
import { watchRawStatus } from '../raw-responses.ts';
import { findEnvironment, readSession } from '../workbench-api.ts';
import { TWITTER_DEV_ID, WorkbenchPage } from '../workbench-page.ts';

/**
 * A page on another loopback port tries to make the victim's open workbench follow a user, and
 * to read the victim's CSRF token. The victim is the browser context that has the workbench open,
 * with its session cookie. Port-only differences make the attacker same-site, so the
 * SameSite=Strict cookie is sent with every forged request: the Origin, Sec-Fetch-Site, JSON and
 * CSRF token checks are what must stop it.
 */

/** linus_ships: no other test follows this sandbox user, so a forged follow would show up here only. */
const TARGET_USER_ID = '1319283746501928374';

let attacker: AttackerSite;

test.beforeAll(async () => {
  attacker = await startAttackerSite();
});

test.afterAll(async () => {
  await attacker.close();
});

/** Builds the /api/send body that would make the victim follow the target. The attacker is assumed to know the environment ID. */
function forgedFollow(environmentId: string) {
  return {
    environmentId,
    requestId: 'follow',
    pathVariables: {},
    query: [],
    body: JSON.stringify({ target_user_id: TARGET_USER_ID }),
  };
}

/**
 * Builds a page whose form posts `fields` to `action` as soon as the page loads. A text/plain form sends
 * `name=value`, so a name and value that together spell JSON produce a valid JSON body.
 */
function autoSubmittingForm(action: string, enctype: string, fields: Array<[string, string]>): string {
  const inputs = fields
    .map(([name, value]) => `<input type="hidden" name="${escapeAttribute(name)}" value="${escapeAttribute(value)}">`)
    .join('\n');

  return `<!doctype html>
<title>Win a prize</title>
<form method="POST" action="${escapeAttribute(action)}" enctype="${escapeAttribute(enctype)}">
${inputs}
</form>
<script>document.forms[0].submit();</script>`;
}

/**
 * Splits the forged JSON into a text/plain form field. The "=" that the browser puts between name
 * and value lands inside a first target_user_id of the X body. JSON.parse keeps the last of two
 * equal keys, in the proxy and in the sandbox, so without the server's checks this would follow.
 */
function textPlainFields(environmentId: string): Array<[string, string]> {
  const json = JSON.stringify({ ...forgedFollow(environmentId), body: `{"target_user_id":"=","target_user_id":"${TARGET_USER_ID}"}` });
  const split = json.indexOf('=');

  return [[json.slice(0, split), json.slice(split + 1)]];
}

function isSendResponse(workbenchOrigin: string) {
  return (response: Response) => response.url() === `${workbenchOrigin}/api/send` && response.request().method() === 'POST';
}

async function expectRejectedAsCrossSite(response: Response): Promise<void> {
  expect(response.status()).toBe(403);
  const body = (await response.json()) as ApiErrorBody;
  expect(body.error.code).toBe('forbidden_origin');
  expect(body.error.message).toContain('Cross-site request rejected');
}

/**
 * Lists whom the victim's sandbox user follows, through the workbench page, and checks that the
 * target is absent. TwitterDev, which the victim followed on the page, shows that the list is the right one.
 */
async function expectTargetNotFollowed(victim: WorkbenchPage): Promise<void> {
  await victim.openRequest('Users a user ID is following');
  await victim.send();

  await expect(victim.responseStatus()).toContainText('200');
  await expect(victim.responseBody()).toContainText(TWITTER_DEV_ID);
  await expect(victim.responseBody()).not.toContainText(TARGET_USER_ID);
}

/** Opens the workbench as the victim, who follows TwitterDev from the page itself, and returns the X Sandbox environment's ID. */
async function openVictim(page: Page): Promise<{ victim: WorkbenchPage; environmentId: string }> {
  const victim = new WorkbenchPage(page);
  await test.step('The victim opens the workbench and follows TwitterDev', async () => {
    await victim.open();
    await victim.pickEnvironment('X Sandbox');
    await victim.openRequest('Follow a user ID');
    await victim.enterFollowTarget(TWITTER_DEV_ID);
    await victim.send();

    await expect(victim.meaning()).toHaveText(`Now following ${TWITTER_DEV_ID}`);
  });

  return { victim, environmentId: (await findEnvironment(page.request, 'X Sandbox')).id };
}

test.describe('cross-site requests to the workbench API', () => {
  test('text/plain form post is rejected', async ({ page, context, baseURL }) => {
    const { victim, environmentId } = await openVictim(page);
    const attackerPage = await context.newPage();
    const url = attacker.servePage(
      '/text-plain-form.html',
      autoSubmittingForm(`${baseURL}/api/send`, 'text/plain', textPlainFields(environmentId)),
    );

    const response = await test.step('Open the attacker page, which posts the form', async () => {
      const sent = attackerPage.waitForResponse(isSendResponse(baseURL!));
      await attackerPage.goto(url);
      return sent;
    });

    await test.step('The forged body is a valid send request', () => {
      const forged = sendRequestSchema.safeParse(JSON.parse(response.request().postData() ?? ''));
      expect(forged.success, JSON.stringify(forged.error?.issues)).toBe(true);
    });
    await test.step('The workbench rejects it with 403', async () => {
      await expectRejectedAsCrossSite(response);
    });
    await test.step('The victim does not follow the target', async () => {
      await expectTargetNotFollowed(victim);
    });
  });

  test('urlencoded form post is rejected', async ({ page, context, baseURL }) => {
    const { victim, environmentId } = await openVictim(page);
    const attackerPage = await context.newPage();
    const fields = Object.entries(forgedFollow(environmentId)).map(([name, value]): [string, string] => [
      name,
      typeof value === 'string' ? value : JSON.stringify(value),
    ]);
    const url = attacker.servePage(
      '/urlencoded-form.html',
      autoSubmittingForm(`${baseURL}/api/send`, 'application/x-www-form-urlencoded', fields),
    );

    const response = await test.step('Open the attacker page, which posts the form', async () => {
      const sent = attackerPage.waitForResponse(isSendResponse(baseURL!));
      await attackerPage.goto(url);
      return sent;
    });

    await test.step('The workbench rejects it with 403', async () => {
      await expectRejectedAsCrossSite(response);
    });
    await test.step('The victim does not follow the target', async () => {
      await expectTargetNotFollowed(victim);
    });
  });

  test('no-cors fetch with a JSON text body is rejected', async ({ page, context, baseURL }) => {
    const { victim, environmentId } = await openVictim(page);
    const attackerPage = await context.newPage();
    const sendWatch = await watchRawStatus(attackerPage, 'POST', `${baseURL}/api/send`);
    await attackerPage.goto(attacker.servePage('/blank.html', '<!doctype html><title>Blank</title>'));

    const pageView = await test.step('Post the follow from the attacker page', () =>
      attackerPage.evaluate(
        async ({ url, body }) => {
          try {
            const result = await fetch(url, {
              method: 'POST',
              mode: 'no-cors',
              credentials: 'include',
              headers: { 'content-type': 'text/plain' },
              body,
            });
            return { type: result.type, status: result.status, text: await result.text() };
          } catch (error) {
            return { failed: String(error) };
          }
        },
        { url: `${baseURL}/api/send`, body: JSON.stringify(forgedFollow(environmentId)) },
      ),
    );

    // The browser hides this response from the page (no-cors, and Cross-Origin-Resource-Policy), so
    // the status comes from the network layer and the message cannot be read.
    await test.step('The workbench rejects it with 403', async () => {
      expect(await sendWatch.status).toBe(403);
    });
    await test.step('The attacker page learns nothing from the response', () => {
      expect(pageView).not.toHaveProperty('status', 403);
      expect(JSON.stringify(pageView)).not.toContain('forbidden_origin');
    });
    await test.step('The victim does not follow the target', async () => {
      await expectTargetNotFollowed(victim);
    });
  });

  test('session and CSRF token cannot be read cross-origin', async ({ page, context, baseURL }) => {
    await new WorkbenchPage(page).open();
    const { csrfToken } = await readSession(page.request);
    const attackerPage = await context.newPage();
    await attackerPage.goto(attacker.servePage('/reader.html', '<!doctype html><title>Reader</title>'));

    const attempts = await attackerPage.evaluate(async (url) => {
      const read = async (mode: RequestMode) => {
        try {
          const result = await fetch(url, { mode, credentials: 'include' });
          return { mode, type: result.type, status: result.status, text: await result.text() };
        } catch (error) {
          return { mode, failed: String(error) };
        }
      };
      return [await read('cors'), await read('no-cors')];
    }, `${baseURL}/api/session`);

    expect(csrfToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(attempts[0]).toHaveProperty('failed');
    expect(attempts[1]).not.toHaveProperty('status', 200);
    expect(JSON.stringify(attempts)).not.toContain(csrfToken);
  });
});
