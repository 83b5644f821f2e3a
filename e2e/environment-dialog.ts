import { expect, type Locator, type Page } from '@playwright/test';

/** User steps in the "Environments" dialog that "Manage environments" opens. */
export class EnvironmentDialog {
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Environments' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Manage environments', exact: true }).click();
    await expect(this.dialog).toBeVisible();
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(this.dialog).toBeHidden();
  }

  /** Names of the environments in the dialog's list, without the "sandbox" badge. */
  async listedNames(): Promise<string[]> {
    const items = this.dialog.getByRole('navigation', { name: 'Environment list' }).getByRole('listitem');
    await expect(this.dialog.getByText('Loading environments…')).toBeHidden();
    await expect(items.first()).toBeVisible();
    const texts = await items.allTextContents();

    return texts.map((text) => text.replace(/sandbox$/, '').trim());
  }

  async create(name: string, baseUrl: string): Promise<void> {
    await this.dialog.getByRole('button', { name: 'New environment', exact: true }).click();
    const form = this.dialog.getByRole('form', { name: 'New environment' });
    await form.getByLabel('Name', { exact: true }).fill(name);
    await form.getByLabel('Base URL', { exact: true }).fill(baseUrl);
    await form.getByRole('button', { name: 'Create', exact: true }).click();

    await expect(this.editor(name)).toBeVisible();
  }

  async select(name: string): Promise<void> {
    await this.dialog
      .getByRole('navigation', { name: 'Environment list' })
      .getByRole('listitem')
      .filter({ hasText: new RegExp(`^${escapeRegExp(name)}(sandbox)?$`) })
      .getByRole('button')
      .click();
    await expect(this.editor(name)).toBeVisible();
  }

  editor(name: string): Locator {
    return this.dialog.getByRole('form', { name: `Edit ${name}`, exact: true });
  }

  /** Types into a write-only secret field; `key` is the field's label, such as consumer_key. */
  async typeSecret(environmentName: string, key: string, value: string): Promise<void> {
    await this.editor(environmentName).getByLabel(key, { exact: true }).fill(value);
  }

  /** Adds a variable of the user's own naming, marks it secret and types its value. */
  async addSecretVariable(environmentName: string, key: string, value: string): Promise<void> {
    const editor = this.editor(environmentName);
    await editor.getByRole('button', { name: 'Add variable', exact: true }).click();
    await editor.getByLabel(/^Key of variable \d+$/).last().fill(key);

    const row = editor.getByRole('row').filter({ has: this.page.getByLabel(`Key of ${key}`, { exact: true }) });
    await row.getByLabel('Secret', { exact: true }).check();
    await row.getByLabel(key, { exact: true }).fill(value);
  }

  /** Presses every "Show" toggle of the editor, which reveals what was typed into the secret fields. */
  async revealSecrets(environmentName: string): Promise<void> {
    const toggles = this.editor(environmentName).getByRole('button', { name: 'Show', exact: true });
    const count = await toggles.count();
    for (let index = 0; index < count; index++) {
      // Each press turns a "Show" into "Hide", so the first remaining "Show" is the next one.
      await toggles.first().click();
    }
    await expect(toggles).toHaveCount(0);
  }

  async save(environmentName: string): Promise<void> {
    const editor = this.editor(environmentName);
    await editor.getByRole('button', { name: 'Save', exact: true }).click();

    await expect(editor.getByRole('status').filter({ hasText: /^Saved\.$/ })).toBeVisible();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
