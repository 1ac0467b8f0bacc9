import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Set by `npm run screenshots`: the committed pictures are remade on purpose, never by a test run. */
export const UPDATE_SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1';

/** The committed pictures (the README's) and where a test run puts its own. */
export const COMMITTED_SHOTS = 'tests/screenshots';
export const TEST_RUN_SHOTS = 'out/screenshots';

/**
 * Where a test's screenshot goes: out/screenshots (git ignores out/) so that `npm test` leaves a
 * clone unchanged; tests/screenshots only when UPDATE_SCREENSHOTS=1.
 */
export function shotPath(name: string): string {
  const dir = UPDATE_SCREENSHOTS ? COMMITTED_SHOTS : TEST_RUN_SHOTS;
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
