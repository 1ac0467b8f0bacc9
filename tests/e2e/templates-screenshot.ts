/**
 * `npx tsx tests/e2e/templates-screenshot.ts [dir]`: the options page's Templates section in both
 * languages, with a dated note name, a folder and a tags list; and in English with an error typed.
 */
import { mkdirSync } from 'node:fs';
import { launch } from './harness';

const dir = process.argv[2] ?? 'tests/screenshots';
mkdirSync(dir, { recursive: true });
for (const lang of ['zh-CN', 'en']) {
  const s = await launch({ lang });
  const opt = await s.context.newPage();
  await opt.setViewportSize({ width: 760, height: 900 });
  await opt.goto(`chrome-extension://${s.extensionId}/options.html`);
  await opt.locator('#tpl-name').fill('{{published|date:"YYYY-MM-DD"}} {{title}}');
  await opt.locator('#tpl-name').dispatchEvent('input');
  await opt.locator('#tpl-folder').pressSequentially('WeChat/{{account}}');
  await opt.locator('#templates button').filter({ hasText: /添加属性|Add property/ }).click();
  const row = opt.locator('.tpl-prop').last();
  await row.locator('.tpl-prop-name').pressSequentially('tags');
  await row.locator('.tpl-prop-type').selectOption('list');
  await row.locator('.tpl-prop-value').pressSequentially('wechat, {{album}}');
  await opt.waitForTimeout(600);
  await opt.locator('#templates').screenshot({ path: `${dir}/options-templates-${lang}.png` });
  if (lang === 'en') {
    await opt.locator('#tpl-folder').press('End');
    await opt.locator('#tpl-folder').pressSequentially('/{{album|slice:a}}');
    await row.locator('.tpl-prop-value').press('End');
    await row.locator('.tpl-prop-value').pressSequentially(' {{titel}}');
    await opt.waitForTimeout(300);
    await opt.locator('#templates').screenshot({ path: `${dir}/options-templates-error.png` });
  }
  await s.close();
}
console.log(`screenshots in ${dir}`);
