/**
 * `npx tsx tests/e2e/promo-screenshot.ts [dir]` (after `npx wxt build`): corpus pages cleaned by the built
 * extension in real Chromium, at the places where promotion was or the article must stay whole: 35's
 * comic (its panels shown), the tails of 26, 32 and 27 (their promotion hidden, 27's funnel whole), the
 * top of 33 (the account's slogan hidden), the ends of 19 (its closing GIF hidden) and 37 (the picture
 * above the closing ad shown, counted unsure); and the hand-made pages of kinds that must stay whole
 * (`handmade/<name>`: a strip comic, a comic credited above its panels, a credited photo story, a film essay opening with a 2.35:1 clip). Offline:
 * every picture is a stand-in of its own proportions (stand-in-pictures.ts), numbered where it is content.
 */
import { mkdirSync } from 'node:fs';
import { launch, openArticle } from './harness';
import { imageRatios, loadImagesAsWechatDoes, serveStandInPictures } from './stand-in-pictures';
import { handmadeHtml, pageHtml, pageUrl } from '../fixtures';

const dir = process.argv[2] ?? 'out/promo-screenshots';
mkdirSync(dir, { recursive: true });
const s = await launch();
// Where to look: the first picture shown, or the end of the content.
const shots: [page: string, at: 'first-picture' | 'end', file: string][] = [
  ['35', 'first-picture', '35-comic-top.png'],
  ['35', 'end', '35-comic-end.png'],
  ['26', 'end', '26-tail.png'],
  ['32', 'end', '32-tail.png'],
  ['27', 'end', '27-tail.png'],
  ['33', 'first-picture', '33-top.png'],
  ['19', 'end', '19-tail.png'],
  ['37', 'end', '37-tail.png'],
  ['handmade/strip-comic', 'first-picture', 'handmade-strip-comic.png'],
  ['handmade/credit-comic', 'first-picture', 'handmade-credit-comic.png'],
  ['handmade/credited-photos', 'end', 'handmade-credited-photos.png'],
  ['handmade/film-clip-first', 'first-picture', 'handmade-film-clip-first.png'],
];
for (const [prefix, at, file] of shots) {
  const made = prefix.startsWith('handmade/') ? prefix.slice('handmade/'.length) : null;
  const html = made ? handmadeHtml(made) : pageHtml(prefix);
  await serveStandInPictures(s.context, prefix, imageRatios(html));
  const page = await openArticle(s, made ? 'https://mp.weixin.qq.com/s/handmade' : pageUrl(html, prefix), html);
  await loadImagesAsWechatDoes(page);
  await page.setViewportSize({ width: 720, height: 1000 });
  await page.waitForTimeout(1500);
  await page.evaluate((where) => {
    const root = document.getElementById('js_content')!;
    const shown = Array.from(root.querySelectorAll('img')).find((i) => i.checkVisibility({ checkVisibilityCSS: true }));
    if (where === 'first-picture') shown?.scrollIntoView({ block: 'start' });
    else root.scrollIntoView({ block: 'end' });
  }, at);
  await page.waitForTimeout(500);
  // A string, not a function: tsx would wrap a named arrow function in a helper the page lacks.
  const counts = await page.evaluate(`(() => {
    const imgs = Array.from(document.querySelectorAll('#js_content img'));
    const shown = imgs.filter((el) => el.checkVisibility({ checkVisibilityCSS: true })).length;
    return shown + '/' + imgs.length + ' pictures shown, ' + document.querySelectorAll('[data-wac-promo]').length + ' blocks hidden, ' + document.querySelectorAll('[data-wac-unsure]').length + ' unsure';
  })()`);
  // A hand-made page is short: all of it, to see that nothing between the pictures went.
  await page.screenshot({ path: `${dir}/${file}`, fullPage: made !== null });
  console.log(`${dir}/${file}: ${counts}`);
  await page.close();
}
await s.close();
