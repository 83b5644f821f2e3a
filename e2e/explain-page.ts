import { expect, type Locator, type Page } from '@playwright/test';

import { WorkbenchPage } from './workbench-page.ts';

/** The onboarding parts of the workbench page: explanation, sandbox scenarios and quick start. */
export class ExplainPage extends WorkbenchPage {
  readonly explanation: Locator;
  readonly scenarios: Locator;
  readonly quickStart: Locator;

  constructor(page: Page) {
    super(page);
    this.explanation = this.response.getByRole('region', { name: 'Explanation' });
    this.scenarios = page.getByRole('complementary', { name: 'Sandbox scenarios' });
    this.quickStart = page.getByRole('complementary', { name: 'Quick start: follow and unfollow a user' });
  }

  async openScenarios(): Promise<void> {
    if (!(await this.scenarios.isVisible())) {
      await this.page.getByRole('banner').getByRole('button', { name: 'Sandbox scenarios', exact: true }).click();
    }
    await expect(this.scenarios.getByRole('status', { name: 'Sandbox state' })).toBeVisible();
  }

  async applyScenario(label: string): Promise<void> {
    await this.openScenarios();
    await this.scenarios.getByRole('button', { name: label, exact: true }).click();
    await expect(this.scenarios.getByRole('status', { name: 'Sandbox state' })).toContainText(`Scenario: ${label}`);
  }

  async resetSandbox(): Promise<void> {
    await this.openScenarios();
    await this.scenarios.getByRole('button', { name: 'Reset sandbox', exact: true }).click();
    await expect(this.scenarios.getByRole('status', { name: 'Sandbox state' })).toContainText('No scenario');
  }

  suggestedAction(name: string): Locator {
    return this.explanation.getByRole('group', { name: 'Suggested actions' }).getByRole('button', { name, exact: true });
  }

  quickStartStep(title: string): Locator {
    return this.quickStart.getByRole('listitem', { name: title });
  }
}
