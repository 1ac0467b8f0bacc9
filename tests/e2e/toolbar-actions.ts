import type { Page } from 'playwright-core';

/**
 * Clicks a toolbar action by its accessible name, wherever the toolbar keeps it: shown directly, or
 * inside the toolbar's menu (opened first). Browser tests act on the toolbar only through this, so
 * the toolbar's design can change without touching every test.
 */
export async function toolbarAction(page: Page, name: RegExp): Promise<void> {
  const bar = page.locator('wac-toolbar');
  const direct = bar.getByRole('button', { name }).first();
  if (await direct.isVisible()) return direct.click();
  await bar.getByRole('button', { name: /更多|More/ }).first().click();
  await bar.getByRole('menuitem', { name }).first().click();
}
