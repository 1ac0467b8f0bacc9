/**
 * Following an album, in real Chromium with the built extension, on the real album served at its
 * real addresses: follow from the article's toolbar, "Check now" in the options (the new count right
 * after one article was exported alone and another is a note in the reader's folder), "Export new"
 * into the folder (an OPFS directory stands in for the picked one) with the notes there untouched,
 * the daily check through chrome.alarms, and a verification page during a check.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { launch, openArticle, type Session } from './harness';
import { toolbarAction } from './toolbar-actions';
import { toolbar } from './browsers/closed-root';
import { ALBUM, ALBUM_PAGE, articleUrl, BIZ, fastSettings, htmlFor, serveAlbum, threeArticleAlbum } from './album-server';
import { extensionPage, putFiles, readOpfsTree, setSettings, useOpfsFolder } from './opfs';
import { loadDocument, UNAVAILABLE } from '../golden-cases';
import { albumFixture, clockless, pageHtml, PAGE_NAMES } from '../fixtures';
import { exportMarkdown } from '../../utils/pipeline/export';

const single = (mid: string) => {
  const r = exportMarkdown(loadDocument(htmlFor(mid), articleUrl(mid)), articleUrl(mid));
  if (!r.ok) throw new Error(r.message);
  return r;
};
const idOf = (mid: string) => `${BIZ}/${mid}/1`;
const row = (page: Page, id = ALBUM.id) => page.locator(`#follow-list li[data-album="${id}"]`);
const worker = (s: Session): Worker => s.context.serviceWorkers()[0]!;
const badge = (s: Session) => worker(s).evaluate(() => chrome.action.getBadgeText({}));
const local = <T>(s: Session, key: string) => worker(s).evaluate(async (k) => (await chrome.storage.local.get(k))[k], key) as Promise<T>;
const followed = (id: string, title: string, checkedAt: number) => ({ id, biz: BIZ, title, size: 3, followedAt: 1, checkedAt, newCount: null });

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('follow an album, in real Chromium', () => {
  it('follow from the article, check (one exported alone, one a note in the folder: 1 new), export only it into the folder, the notes there byte for byte', async () => {
    session = await launch();
    await fastSettings(session);
    serveAlbum(session, threeArticleAlbum());
    const [oldMid, inFolderMid, newMid] = ['2247483846', '2247484420', '2247484584'];

    // Follow, from the toolbar's menu of an article of the album.
    const article = await openArticle(session, articleUrl(newMid), htmlFor(newMid));
    await toolbarAction(article, /关注合集|Follow album/);
    await expect.poll(() => local<{ id: string }[]>(session!, 'followed').then((l) => l?.map((a) => a.id))).toEqual([ALBUM.id]);
    await expect.poll(() => toolbar(article).getByRole('menuitem', { name: /取消关注「微型小说」|Unfollow album/, includeHidden: true }).count()).toBe(1);

    // One article exported alone (the toolbar's Download Markdown): it is in the record.
    const alone = await openArticle(session, articleUrl(oldMid), htmlFor(oldMid));
    const download = alone.waitForEvent('download');
    await toolbarAction(alone, /下载 Markdown|Download Markdown/);
    await download;
    await expect.poll(() => local<Record<string, number>>(session!, 'exported').then((m) => Object.keys(m ?? {}))).toEqual([idOf(oldMid)]);

    // Another is a note in the reader's folder (by its wechat_id), with an index.md of theirs.
    const options = await extensionPage(session);
    await useOpfsFolder(options, 'notes');
    await setSettings(options, { destination: 'folder' });
    const theirs = {
      '微型小说/我的旧笔记.md': single(inFolderMid).markdown,
      '微型小说/index.md': `# 微型小说\n\n1. [我的旧笔记](<我的旧笔记.md>) — ${single(inFolderMid).article.meta.published.slice(0, 10)}\n`,
      '读书/别的.md': '---\ntitle: other\n---\n\nnot WeChat\n',
    };
    await putFiles(options, 'notes', theirs);
    await options.reload();

    await expect.poll(() => row(options).textContent()).toMatch(/微型小说.*尚未检查|微型小说.*not checked yet/);
    await options.getByRole('button', { name: /立即检查|Check now/ }).click();
    await expect.poll(() => row(options).textContent(), { timeout: 30_000 }).toMatch(/1 篇新文章|1 new/);
    expect(await row(options).textContent()).toMatch(/3 篇|3 articles/);
    expect(await options.locator('#follow-status').textContent()).toMatch(/已检查 1 个合集|1 albums checked/);
    expect(await badge(session)).toBe('1');

    // Export only the new one, into the folder.
    const opened = session.context.waitForEvent('page', { predicate: (p) => p.url().includes('/batch.html') });
    await row(options).getByRole('button', { name: /导出新文章|Export new/ }).click();
    const batch = await opened;
    await expect.poll(() => batch.locator('#setup-info').textContent(), { timeout: 30_000 }).toMatch(/微型小说.*\b1\b/);
    await batch.getByRole('button', { name: /开始导出|Start export/ }).click();
    await expect.poll(() => batch.locator('#state-note').textContent(), { timeout: 60_000 }).toMatch(/完成|Done/);

    const tree = await readOpfsTree(options, 'notes');
    for (const [path, text] of Object.entries(theirs).filter(([p]) => p !== '微型小说/index.md')) expect(tree[path]?.text, path).toBe(text);
    const fresh = single(newMid);
    expect(clockless(tree[`微型小说/${fresh.fileName}.md`]?.text ?? '')).toBe(clockless(fresh.markdown));
    const day = (mid: string) => single(mid).article.meta.published.slice(0, 10);
    const label = fresh.article.meta.title.replace(/([\\[\]*_`])/g, '\\$1');
    // The old entry kept, the new one in its place.
    expect(tree['微型小说/index.md']?.text).toBe(`# 微型小说\n\n1. [我的旧笔记](<我的旧笔记.md>) — ${day(inFolderMid)}\n2. [${label}](<${fresh.fileName}.md>) — ${day(newMid)}\n`);
    // Nothing else was written but the new note's images.
    const added = Object.keys(tree).filter((p) => !(p in theirs));
    for (const p of added) expect(p === `微型小说/${fresh.fileName}.md` || p.startsWith('微型小说/assets/001/'), p).toBe(true);
    await expect.poll(() => local<Record<string, number>>(session!, 'exported').then((m) => Object.keys(m ?? {}).sort())).toEqual([idOf(oldMid), idOf(newMid)].sort());

    // Checked again: nothing new, the icon's count gone.
    await options.getByRole('button', { name: /立即检查|Check now/ }).click();
    await expect.poll(() => row(options).textContent(), { timeout: 30_000 }).toMatch(/0 篇新文章|0 new/);
    expect(await badge(session)).toBe('');
    expect(session.served.leaks).toEqual([]);
  }, 180_000);

  it('on the album page: follow and unfollow from the toolbar menu, the list in the popup following', async () => {
    session = await launch();
    session.page(ALBUM_PAGE, albumFixture('album-2026-03-09.html.gz'));
    const albumPage = await session.context.newPage();
    await albumPage.goto(ALBUM_PAGE, { waitUntil: 'domcontentloaded' });
    await albumPage.locator('wac-toolbar[data-state=album]').waitFor({ state: 'attached', timeout: 15_000 });
    const popup = await extensionPage(session, 'popup.html');
    await expect.poll(() => popup.locator('#follow-list').textContent()).toMatch(/还没有关注合集|No followed album yet/);
    await toolbarAction(albumPage, /关注合集「微型小说」|Follow album “微型小说”/);
    await expect.poll(() => row(popup).textContent()).toMatch(/微型小说/);
    await toolbarAction(albumPage, /取消关注「微型小说」|Unfollow album “微型小说”/);
    await expect.poll(() => row(popup).count()).toBe(0);
    expect(await local<unknown[]>(session, 'followed')).toEqual([]);
  }, 60_000);

  it('a verification page during a check stops it at once and says so: the album checked before keeps its result, the next is not asked, nothing is asked again; so does an album request redirected to another host (check) or to the verification path (export new)', async () => {
    session = await launch();
    await fastSettings(session);
    const verify = '<html><body><div class="weui-msg"><p class="weui-msg__desc">当前环境异常，完成验证后即可继续访问。</p><a>去验证</a></div></body></html>';
    const asked: string[] = [];
    // How album 2222222222 answers: the verification page itself, or a redirect (302) somewhere.
    let blocked: { body: string; status?: number; headers?: Record<string, string> } = { body: verify };
    session.respond((url) => {
      if (url.pathname !== '/mp/appmsgalbum' || url.searchParams.get('f') !== 'json') return undefined;
      const id = url.searchParams.get('album_id')!;
      asked.push(id);
      return id === '2222222222' ? blocked : { body: threeArticleAlbum(), contentType: 'application/json' };
    });
    await worker(session).evaluate((list) => chrome.storage.local.set({ followed: list }), [followed(ALBUM.id, '微型小说', 0), followed('2222222222', '被拦住的', 0), followed('3333333333', '后面的', 0)]);
    const options = await extensionPage(session);
    await options.getByRole('button', { name: /立即检查|Check now/ }).click();
    await expect.poll(() => options.locator('#follow-status').textContent(), { timeout: 30_000 }).toMatch(/检查已停止：.*验证|The check stopped: .*verification/);
    expect(asked).toEqual([ALBUM.id, '2222222222']);
    await expect.poll(() => row(options).textContent()).toMatch(/3 篇新文章|3 new/);
    expect(await row(options, '2222222222').textContent()).toMatch(/上次检查未完成：.*验证|did not finish: .*verification/);
    expect(await row(options, '3333333333').textContent()).toMatch(/尚未检查|not checked yet/);
    expect(await badge(session)).toBe('3');

    // Redirected to another host (a page the extension may not read; where to is not readable either):
    // stopped at the first answer, said, not retried, the next album not asked.
    blocked = { status: 302, body: '', headers: { location: 'https://weixin110.qq.com/security/readtemplate?t=w_security_center_website/upgrade' } };
    asked.length = 0;
    await options.getByRole('button', { name: /立即检查|Check now/ }).click();
    await expect.poll(() => options.locator('#follow-status').textContent(), { timeout: 30_000 }).toMatch(/检查已停止：.*redirected.*verification|The check stopped: .*redirected.*verification/);
    expect(asked).toEqual([ALBUM.id, '2222222222']);
    expect(await row(options, '2222222222').textContent()).toMatch(/上次检查未完成：.*redirected|did not finish: .*redirected/);

    // "Export new" of an album whose listing is redirected to WeChat's verification path: it stops at
    // the first answer and says so.
    blocked = { status: 302, body: '', headers: { location: `/mp/wappoc_appmsgcaptcha?poc_token=x&target_url=${encodeURIComponent('https://mp.weixin.qq.com/mp/appmsgalbum')}` } };
    asked.length = 0;
    const opened = session.context.waitForEvent('page', { predicate: (p) => p.url().includes('/batch.html') });
    await row(options, '2222222222').getByRole('button', { name: /导出新文章|Export new/ }).click();
    const batch = await opened;
    await expect.poll(() => batch.locator('#message').textContent(), { timeout: 30_000 }).toMatch(/redirected.*verification|redirected.*验证/);
    expect(asked).toEqual(['2222222222']);
  }, 90_000);

  it('the daily check: asked for in the click, then each alarm checks only the albums not checked for a day (their dates set a day back) and counts on the icon; off again, alarm and permission gone', async () => {
    session = await launch();
    await fastSettings(session);
    const asked: string[] = [];
    session.respond((url) => {
      if (url.pathname !== '/mp/appmsgalbum' || url.searchParams.get('f') !== 'json') return undefined;
      asked.push(url.searchParams.get('album_id')!);
      return { body: threeArticleAlbum(), contentType: 'application/json' };
    });
    const now = Date.now();
    await worker(session).evaluate((list) => chrome.storage.local.set({ followed: list }), [followed(ALBUM.id, '微型小说', now - 25 * 3600_000), followed('4444444444', '今天查过的', now - 3600_000)]);
    const options = await extensionPage(session);
    expect(await options.evaluate(() => chrome.permissions.contains({ permissions: ['alarms'] }))).toBe(false);
    await options.locator('#follow-daily').click();
    await expect.poll(() => worker(session!).evaluate(() => chrome.alarms?.get('wac-follow-daily').then((a) => a?.periodInMinutes ?? null) ?? null)).toBe(60);
    expect(asked).toEqual([]);
    // The hourly alarm, brought forward: the real chrome.alarms event reaches the background.
    await worker(session).evaluate(() => chrome.alarms.create('wac-follow-daily', { when: Date.now() + 300 }));
    await expect.poll(() => row(options).textContent(), { timeout: 30_000 }).toMatch(/3 篇新文章|3 new/);
    expect(asked).toEqual([ALBUM.id]);
    expect(await row(options, '4444444444').textContent()).not.toMatch(/篇新文章| new/);
    expect(await badge(session)).toBe('3');
    // Fired again within the day: nothing is asked.
    await worker(session).evaluate(() => chrome.alarms.create('wac-follow-daily', { when: Date.now() + 300 }));
    await new Promise((r) => setTimeout(r, 2000));
    expect(asked).toEqual([ALBUM.id]);

    await options.locator('#follow-daily').click();
    await expect.poll(() => options.evaluate(() => chrome.permissions.contains({ permissions: ['alarms'] }))).toBe(false);
    expect(await local<boolean>(session, 'followDaily')).toBe(false);
  }, 90_000);

  it('faults: an only-new export stopped by a verification page keeps what it wrote (a check then counts the rest), resumes in a new page to the end without writing anything twice; a deleted article is listed and not asked for again', async () => {
    session = await launch();
    await fastSettings(session);
    const [first, blocked, deleted] = ['2247483846', '2247484420', '2247484584'];
    let verify = true;
    const verifyPage = '<html><body><div class="weui-msg"><p class="weui-msg__desc">当前环境异常，完成验证后即可继续访问。</p><a>去验证</a></div></body></html>';
    const gonePage = pageHtml(PAGE_NAMES.find((n) => n.startsWith(`${UNAVAILABLE[0]}-`))!);
    const asked = serveAlbum(session, threeArticleAlbum(), (mid) => (mid === blocked && verify ? { body: verifyPage } : undefined), new Map([[deleted, gonePage]]));
    await worker(session).evaluate((list) => chrome.storage.local.set({ followed: list }), [followed(ALBUM.id, '微型小说', 0)]);
    const options = await extensionPage(session);
    await useOpfsFolder(options, 'notes');
    await setSettings(options, { destination: 'folder' });
    await options.reload();

    const exportNew = async () => {
      const opened = session!.context.waitForEvent('page', { predicate: (p) => p.url().includes('/batch.html') });
      await row(options).getByRole('button', { name: /导出新文章|Export new/ }).click();
      return opened;
    };
    let batch = await exportNew();
    await expect.poll(() => batch.locator('#setup-info').textContent(), { timeout: 30_000 }).toMatch(/微型小说.*\b3\b/);
    await batch.getByRole('button', { name: /开始导出|Start export/ }).click();
    await expect.poll(() => batch.locator('#state-note').textContent(), { timeout: 30_000 }).toMatch(/已停止.*验证|Stopped: .*verification/);
    expect(await batch.locator('#count').textContent()).toBe('1 / 3');
    const note1 = `微型小说/${single(first).fileName}.md`;
    expect(clockless((await readOpfsTree(options, 'notes'))[note1]?.text ?? '')).toBe(clockless(single(first).markdown));
    // What it finished is saved and recorded: a check now counts only the other two.
    await options.getByRole('button', { name: /立即检查|Check now/ }).click();
    await expect.poll(() => row(options).textContent(), { timeout: 30_000 }).toMatch(/2 篇新文章|2 new/);
    await batch.close();

    verify = false;
    batch = await extensionPage(session, 'batch.html');
    await expect.poll(() => batch.locator('#count').textContent()).toBe('1 / 3');
    await batch.getByRole('button', { name: /^(继续|Resume)$/ }).click();
    await expect.poll(() => batch.locator('#state-note').textContent(), { timeout: 60_000 }).toMatch(/完成|Done/);
    const tree = await readOpfsTree(options, 'notes');
    const notes = Object.keys(tree).filter((p) => p.endsWith('.md')).sort();
    // Nothing written twice (no "(2)" copy of the note finished before the stop).
    expect(notes).toEqual([note1, `微型小说/${single(blocked).fileName}.md`, '微型小说/index.md'].sort());
    expect(clockless(tree[`微型小说/${single(blocked).fileName}.md`]?.text ?? '')).toBe(clockless(single(blocked).markdown));
    const lines = tree['微型小说/index.md']!.text!.split('\n').filter((l) => /^\d+\. /.test(l));
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/^3\. .* — 未导出: 此页面没有可导出的文章: .+ — <https:\/\/mp\.weixin\.qq\.com\/s\?__biz=.*mid=2247484584/);
    expect(asked.get(first)).toBe(1);

    // The deleted article is not new any more: the check counts nothing, "Export new" asks for nothing.
    await options.getByRole('button', { name: /立即检查|Check now/ }).click();
    await expect.poll(() => row(options).textContent(), { timeout: 30_000 }).toMatch(/0 篇新文章|0 new/);
    const deletedAsked = asked.get(deleted);
    // The batch page is open: it takes the request itself.
    await row(options).getByRole('button', { name: /导出新文章|Export new/ }).click();
    await expect.poll(() => batch.locator('#message').textContent(), { timeout: 30_000 }).toMatch(/没有新文章|Nothing new/);
    expect(asked.get(deleted)).toBe(deletedAsked);
    expect(session.served.leaks).toEqual([]);
  }, 180_000);
});
