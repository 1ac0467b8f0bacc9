/** Rewrites tests/fixtures/expected/*.md from the current pipeline. Read every diff before committing. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';

// The golden test runs in vitest's jsdom environment, where a global window exists; DOMPurify's
// default instance (used for tables of an inert document, which has no window of its own) needs one.
// Set it before the pipeline, and DOMPurify with it, is loaded.
Object.assign(globalThis, { window: new JSDOM('').window });
const { FIXTURES } = await import('./fixtures');
const { exportFixture, GOLDEN_PAGES, HANDMADE } = await import('./golden-cases');

for (const name of [...GOLDEN_PAGES.filter((n) => n !== 'seed-article'), ...HANDMADE]) {
  const r = exportFixture(name);
  if (!r.ok) throw new Error(`${name}: ${r.message}`);
  writeFileSync(join(FIXTURES, 'expected', `${name}.md`), r.markdown);
  console.log(`wrote expected/${name}.md`);
}
