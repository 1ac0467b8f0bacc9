/** Rewrites tests/fixtures/expected/*.md from the current pipeline. Read every diff before committing. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';

// DOMPurify (merged-cell tables) needs a window when the table's document has none, as the golden
// test has under vitest's jsdom environment; without it tsx stopped at page 25. Set before the
// pipeline is imported: DOMPurify looks for the window when it loads.
const view = new JSDOM('').window;
Object.assign(globalThis, { window: view, document: view.document });

const { FIXTURES } = await import('./fixtures');
const { exportFixture, GOLDEN_PAGES, HANDMADE } = await import('./golden-cases');

// The seed too: its test checks it against the shared golden, but for the lines that golden predates.
for (const name of [...GOLDEN_PAGES, ...HANDMADE]) {
  const r = exportFixture(name);
  if (!r.ok) throw new Error(`${name}: ${r.message}`);
  writeFileSync(join(FIXTURES, 'expected', `${name}.md`), r.markdown);
  console.log(`wrote expected/${name}.md`);
}
