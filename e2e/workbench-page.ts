import { expect, type Locator, type Page } from '@playwright/test';

/** User steps on the workbench page, named as a newcomer would describe them. */

export const TWITTER_DEV_ID = '2244994945';
export const PROTECTED_USER_ID = '1470046488429174785';
export const SANDBOX_USER_ID = '1588987262754234368';

export class WorkbenchPage {
  readonly request: Locator;
  readonly response: Locator;

  constructor(readonly page: Page) {
    this.request = page.getByRole('region', { name: 'Request' });
    this.response = page.getByRole('region', { name: 'Response' });
  }

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByLabel('Environment', { exact: true })).toBeVisible();
  }

  async pickEnvironment(name: string): Promise<void> {
    await this.page.getByLabel('Environment', { exact: true }).selectOption({ label: name });
  }

  async openRequest(name: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Collection' }).getByRole('button', { name, exact: true }).click();
    await expect(this.request.getByRole('heading', { name, exact: true })).toBeVisible();
  }

  async openRequestTab(name: 'Params' | 'Body' | 'Authorization'): Promise<void> {
    await this.request.getByRole('tab', { name, exact: true }).click();
  }

  async enterFollowTarget(userId: string): Promise<void> {
    await this.openRequestTab('Body');
    await this.request.getByLabel('target_user_id', { exact: true }).fill(userId);
  }

  async enterPathVariable(key: string, value: string): Promise<void> {
    await this.openRequestTab('Params');
    await this.request.getByLabel(key, { exact: true }).fill(value);
  }

  /**
   * Returns the user ID of the X Sandbox environment's access token. In team mode each workspace
   * has a sandbox user of its own, so tests read it instead of assuming workbench_dev.
   */
  async sandboxUserId(): Promise<string> {
    const response = await this.page.request.get('/api/environments');
    const environments = (await response.json()) as Array<{ kind: string; tokenUserId: string | null }>;
    const userId = environments.find((environment) => environment.kind === 'sandbox')?.tokenUserId;
    if (!userId) {
      throw new Error('The workspace has no sandbox environment with an access token; open the page first');
    }

    return userId;
  }

  sendButton(): Locator {
    return this.request.getByRole('button', { name: 'Send', exact: true });
  }

  async send(): Promise<void> {
    await this.sendButton().click();
    await expect(this.response).toHaveAttribute('aria-busy', 'false');
  }

  /** Opens a tab of the response viewer; the Headers tab's name ends with its header count. */
  async openResponseTab(name: 'Body' | 'Headers' | 'Request'): Promise<void> {
    await this.response.getByRole('tab', { name: new RegExp(`^${name}\\b`) }).click();
  }

  responseStatus(): Locator {
    return this.response.getByRole('status', { name: 'Response status' });
  }

  meaning(): Locator {
    return this.response.getByRole('status', { name: 'Meaning' });
  }

  responseBody(): Locator {
    return this.response.getByLabel('Response body');
  }
}
