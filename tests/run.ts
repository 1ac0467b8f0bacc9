/**
 * `npm test`: typecheck, build for Chrome and Firefox, then every vitest suite (unit in jsdom,
 * browser in real Chromium and real Firefox ESR).
 * The last line is the plain total CI reads: "N passed, N failed".
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { findChromium } from './e2e/harness';
import { findFirefox } from './e2e/browsers/firefox';
import { ensureJoplin } from './joplin-server/server';

const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'inherit', shell: false }).status ?? 1;

try {
  findChromium();
  findFirefox();
} catch (e) {
  console.error((e as Error).message);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

let passed = 0;
let failed = 0;
const step = (name: string, status: number) => {
  if (status === 0) passed++;
  else {
    failed++;
    console.error(`${name} failed`);
  }
  return status === 0;
};

// The Joplin tests run a real Joplin, kept outside the extension's dependencies: install it if missing.
// If that fails the Joplin tests fail with the reason; the rest still run.
try {
  ensureJoplin();
} catch (e) {
  console.error((e as Error).message);
}

step('typecheck', run('npx', ['tsc', '--noEmit']));
const built = step('build', run('npx', ['wxt', 'build'])) && step('build for Firefox', run('npx', ['wxt', 'build', '-b', 'firefox']));

mkdirSync('out', { recursive: true });
const report = 'out/vitest-report.json';
const projects = built ? [] : ['--project', 'unit']; // no build, no browser tests
run('npx', ['vitest', 'run', ...projects, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
try {
  const r = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numTotalTestSuites: number; testResults: { status: string; assertionResults: { status: string }[] }[] };
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  // A test file that fails to load, or whose beforeAll fails (its tests are then skipped, e.g. the Joplin
  // test server missing), has no failed test of its own: count it as a failure.
  failed += r.testResults.filter((t) => t.status === 'failed' && !t.assertionResults.some((a) => a.status === 'failed')).length;
} catch {
  failed++;
  console.error('vitest produced no report');
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
