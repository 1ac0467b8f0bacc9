import type { Page } from 'playwright-core';
import { toolbar } from './browsers/closed-root';

/**
 * Clicks a toolbar action by its accessible name, wherever the toolbar keeps it: shown directly
 * ("Download Markdown"), or inside the toolbar's "More" menu (role=menu, items role=menuitem),
 * opened first unless it is open. Browser tests act on the toolbar only through this, so the
 * toolbar's design can change without touching every test.
 */
export async function toolbarAction(page: Page, name: RegExp): Promise<void> {
  const bar = toolbar(page);
  const direct = bar.getByRole('button', { name }).first();
  if (await direct.isVisible()) return direct.click();
  const item = bar.getByRole('menuitem', { name }).first();
  if (!(await item.isVisible())) await bar.getByRole('button', { name: /更多|More/ }).first().click();
  await item.click();
}
