/** Rewrites tests/fixtures/expected/*.md from the current pipeline. Read every diff before committing. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './fixtures';
import { exportFixture, GOLDEN_PAGES, HANDMADE } from './golden-cases';

for (const name of [...GOLDEN_PAGES.filter((n) => n !== 'seed-article'), ...HANDMADE]) {
  const r = exportFixture(name);
  if (!r.ok) throw new Error(`${name}: ${r.message}`);
  writeFileSync(join(FIXTURES, 'expected', `${name}.md`), r.markdown);
  console.log(`wrote expected/${name}.md`);
}
