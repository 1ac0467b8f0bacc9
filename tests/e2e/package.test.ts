import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR } from './harness';

// The shipped package: least privilege, no remote code, a Firefox build that web-ext accepts.
const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
const manifest = () => JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;

describe('least privilege', () => {
  it('asks only for what the features use', () => {
    const m = manifest();
    expect([...(m.permissions as string[])].sort()).toEqual(['clipboardWrite', 'contextMenus', 'storage']);
    expect([...(m.host_permissions as string[])].sort()).toEqual(['http://mmbiz.qlogo.cn/*', 'http://mmbiz.qpic.cn/*', 'https://mmbiz.qlogo.cn/*', 'https://mmbiz.qpic.cn/*', 'https://mp.weixin.qq.com/*']);
    const cs = (m.content_scripts as { matches: string[]; run_at: string }[])[0]!;
    expect([...cs.matches].sort()).toEqual(['https://mp.weixin.qq.com/mp/appmsgalbum?*', 'https://mp.weixin.qq.com/s/*', 'https://mp.weixin.qq.com/s?*']);
    expect(cs.run_at).toBe('document_start');
    expect(m).not.toHaveProperty('content_security_policy'); // the MV3 default forbids remote code and eval
    expect(m).not.toHaveProperty('web_accessible_resources');
  });

  it('no eval, no Function constructor, no remote scripts in the built code', () => {
    for (const f of files(EXTENSION_DIR).filter((f) => /\.(js|html)$/.test(f))) {
      const code = readFileSync(f, 'utf8');
      expect(code, f).not.toMatch(/(^|[^\w$.])eval\s*\(|new\s+Function\s*\(/);
      expect(code, f).not.toMatch(/<script[^>]+src=["']https?:/i);
    }
  });

  it('no page HTML is ever written into an extension page or the toolbar (text only)', () => {
    const sources = [...files('entrypoints'), ...files('utils/ui')].filter((f) => /\.(ts|html)$/.test(f));
    for (const f of sources) expect(readFileSync(f, 'utf8'), f).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });

  it('web-ext lint on the Firefox build reports no errors', () => {
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: 'ignore' });
    const out = spawnSync('npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--output', 'json', '--no-config-discovery'], { encoding: 'utf8' });
    const report = JSON.parse(out.stdout.slice(out.stdout.indexOf('{'))) as { count: number; summary: { errors: number; warnings: number }; errors: unknown[] };
    expect(report.errors).toEqual([]);
    expect(report.summary.errors).toBe(0);
  });
});
