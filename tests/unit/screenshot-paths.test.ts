import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

// `npm test` must leave a clone as it was: a test's screenshot goes through shotPath (out/screenshots),
// and tests/screenshots, the README's pictures, is written only by `npm run screenshots`.
const TEST_DIRS = ['tests/e2e', 'tests/unit'];
const READS = /\b(readFileSync|readdirSync|existsSync)\(/;

describe('no test writes the committed screenshots', () => {
  const files = TEST_DIRS.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.test.ts')).map((f) => join(d, f)));

  it('finds the browser tests that take screenshots', () => {
    const shooting = files.filter((f) => /\.screenshot\(/.test(readFileSync(f, 'utf8')));
    expect(shooting.length).toBeGreaterThanOrEqual(5);
  });

  for (const file of files) {
    it(file, () => {
      const lines = readFileSync(file, 'utf8').split('\n');
      // This file names the folder in its own comment and patterns.
      if (file.endsWith('screenshot-paths.test.ts')) return;
      const writes = lines.map((l, i) => `${i + 1}: ${l.trim()}`).filter((l) => l.includes('tests/screenshots') && !READS.test(l));
      expect(writes).toEqual([]);
    });
  }
});
