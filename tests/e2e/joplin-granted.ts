import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR } from './harness';
import { JOPLIN_ORIGINS } from '../../utils/deliver/joplin/client';

/**
 * The Chrome build as it is once the reader has allowed 127.0.0.1: the same files, with Joplin's
 * origins moved from optional_host_permissions to host_permissions. Chromium's permission prompt is
 * browser UI that no automation can answer (Playwright leaves it out of scope), so this stands for the
 * reader's "Allow"; the real build's click is tested up to the prompt.
 */
export function grantedJoplinBuild(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'wac-joplin-ext-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const file = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...JOPLIN_ORIGINS];
  writeFileSync(file, JSON.stringify(manifest));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
