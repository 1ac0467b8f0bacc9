import { INTRAWORD_UNDERSCORE } from '../../utils/markdown/escape';
import type { Page } from 'playwright-core';

/** The first run of `n` characters without white space at or after `from`, in the content's text. */
async function passage(page: Page, from: number, n: number) {
  return page.evaluate(
    ([from, n]) => {
      const root = document.getElementById('js_content')!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let at = 0;
      for (let t = walker.nextNode() as Text | null; t; t = walker.nextNode() as Text | null) {
        const m = new RegExp(`\\S{${n}}`).exec(t.data);
        if (at >= from && m) {
          const r = document.createRange();
          r.setStart(t, m.index);
          r.setEnd(t, m.index + n);
          const rects = r.getClientRects();
          const first = rects[0]!;
          const last = rects[rects.length - 1]!;
          return { text: r.toString(), x0: first.left + 1, y0: first.top + first.height / 2, x1: last.right - 1, y1: last.top + last.height / 2 };
        }
        at += t.data.length;
      }
      throw new Error('no passage');
    },
    [from, n] as const,
  );
}

/** Selects the passage with the mouse, as a reader does (trusted events). */
async function dragSelect(page: Page, p: Awaited<ReturnType<typeof passage>>) {
  await page.evaluate(([x, y]) => {
    const el = document.elementFromPoint(x, y);
    el?.scrollIntoView({ block: 'center' });
  }, [p.x0, p.y0] as const);
  return p;
}

/** Selects `n` characters of the content's text from about `from` with the mouse; returns the selection. */
export async function selectWithMouse(page: Page, from: number, n: number) {
  // The highlight layer listens from its first pass on (at an idle moment after load): a selection and
  // a shortcut before it would go unheard. Its measure marks that the listeners are there.
  await page.waitForFunction(() => performance.getEntriesByName('wac:highlights').length > 0, undefined, { timeout: 30_000 });
  await page.evaluate((from) => {
    // Bring the passage into view first: the mouse acts on what is on the screen.
    const root = document.getElementById('js_content')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let at = 0;
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      if (at >= from && /\S{8}/.test(t.textContent ?? '')) return t.parentElement!.scrollIntoView({ block: 'center' });
      at += t.textContent!.length;
    }
  }, from);
  const p = await passage(page, from, n);
  await dragSelect(page, p);
  await page.mouse.move(p.x0, p.y0);
  await page.mouse.down();
  await page.mouse.move((p.x0 + p.x1) / 2, p.y1, { steps: 4 });
  await page.mouse.move(p.x1, p.y1, { steps: 4 });
  await page.mouse.up();
  return page.evaluate(() => getSelection()!.toString());
}

/** A passage as the note writes it: Markdown's characters escaped, an underscore inside a word left plain
 *  (the converter's INTRAWORD_UNDERSCORE rule). */
export const asNoteText = (s: string) => s.replace(/([\\_*`[\]<>$])/g, '\\$1').replace(INTRAWORD_UNDERSCORE.pattern, '_');
