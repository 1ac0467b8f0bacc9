/**
 * `npx tsx tests/e2e/joplin-screenshot.ts [dir]`: the options page's Joplin section, connected to a
 * real Joplin (terminal client, headless) with a small notebook tree, in Chinese and English.
 */
import { mkdirSync } from 'node:fs';
import { launch } from './harness';
import { grantedJoplinBuild } from './joplin-granted';
import { startJoplin } from '../joplin-server/server';

const dir = process.argv[2] ?? 'tests/screenshots';
mkdirSync(dir, { recursive: true });
const j = await startJoplin();
const build = grantedJoplinBuild();
try {
  const folder = async (title: string, parent_id?: string) => (await j.api<{ id: string }>('POST', '/folders', { title, ...(parent_id ? { parent_id } : {}) })).id;
  const wechat = await folder('公众号');
  const tech = await folder('科技', wechat);
  await folder('阮一峰的网络日志', wechat);
  await folder('Inbox');
  for (const lang of ['zh-CN', 'en']) {
    const s = await launch({ lang, extensionDir: build.dir, passThrough: [j.base] });
    const page = await s.context.newPage();
    await page.setViewportSize({ width: 760, height: 1400 });
    await page.goto(`chrome-extension://${s.extensionId}/options.html#joplin`);
    await page.locator('.joplin-details').waitFor();
    await page.fill('#joplinPort', String(j.port));
    await page.locator('#joplinPort').dispatchEvent('change');
    await page.fill('#joplinToken', j.token);
    await page.locator('#joplinToken').dispatchEvent('change');
    await page.locator('#joplinNotebook option').nth(2).waitFor({ state: 'attached' });
    await page.selectOption('#joplinNotebook', tech);
    await page.waitForFunction(() => /“/.test(document.querySelector('#joplinStatus')?.textContent ?? ''));
    await page.locator('#joplinToken').blur();
    const path = `${dir}/options-joplin-${lang}.png`;
    await page.locator('#joplin').screenshot({ path });
    console.log(path, '—', await page.textContent('#joplinStatus'));
    await s.close();
  }
} finally {
  build.remove();
  await j.stop();
}
