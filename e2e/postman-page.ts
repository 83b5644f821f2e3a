import fs from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

/** User steps for Postman import, imported collections, the history panel and code snippets. */

/** X's official Postman files beside the repository; tests that need them skip when the folder is missing. */
export const FIXTURES = path.resolve(import.meta.dirname, '../../shared/fixtures/postman');
export const HAVE_FIXTURES = fs.existsSync(FIXTURES);
export const FIXTURES_SKIP_REASON = `X's Postman files are not at ${FIXTURES}`;

export class PostmanPage {
  constructor(readonly page: Page) {}

  importInput(): Locator {
    return this.page.getByLabel('Import Postman file');
  }

  async importFile(filePath: string): Promise<void> {
    await this.importInput().setInputFiles(filePath);
  }

  async importText(name: string, text: string): Promise<void> {
    await this.importInput().setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  }

  /** Drops a file on the import zone, as dragging it from the desktop does. */
  async dropText(name: string, text: string): Promise<void> {
    const dataTransfer = await this.page.evaluateHandle(
      ({ fileName, content }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([content], fileName, { type: 'application/json' }));
        return transfer;
      },
      { fileName: name, content: text },
    );
    await this.page.getByTestId('import-drop-zone').dispatchEvent('drop', { dataTransfer });
  }

  /** Returns the result of the last import, leaving out the "Importing…" status shown meanwhile. */
  importStatus(): Locator {
    return this.page.getByRole('region', { name: 'Postman files' }).getByRole('status').filter({ hasNotText: 'Importing…' });
  }

  importAlert(): Locator {
    return this.page.getByRole('region', { name: 'Postman files' }).getByRole('alert');
  }

  collection(name: string): Locator {
    return this.page.getByRole('navigation', { name: `Collection ${name}`, exact: true });
  }

  async openImportedRequest(collection: string, folder: string | null, name: string): Promise<void> {
    const navigation = this.collection(collection);
    if (folder !== null) {
      await navigation.getByText(folder, { exact: true }).click();
    }
    await navigation.getByRole('button', { name, exact: true }).click();
    await expect(this.page.getByRole('region', { name: 'Request' }).getByRole('heading', { name, exact: true })).toBeVisible();
  }

  history(): Locator {
    return this.page.getByRole('complementary', { name: 'History' });
  }

  async openHistory(): Promise<void> {
    await this.page.getByRole('button', { name: 'History', exact: true }).click();
    await expect(this.history()).toBeVisible();
  }

  historyEntries(): Locator {
    return this.history().getByRole('listitem');
  }
}
