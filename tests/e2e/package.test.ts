import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR } from './harness';
import { FIREFOX_EXTENSION_DIR, findFirefox } from './browsers/firefox';

// The shipped package: least privilege, no remote code, a Firefox build that web-ext accepts.
const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
const manifest = () => JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;

describe('least privilege', () => {
  it('asks only for what the features use', () => {
    const m = manifest();
    expect([...(m.permissions as string[])].sort()).toEqual(['clipboardWrite', 'contextMenus', 'storage']);
    // WeChat's image hosts over HTTPS only: every address on them is made https before it is fetched.
    expect([...(m.host_permissions as string[])].sort()).toEqual(['https://mmbiz.qlogo.cn/*', 'https://mmbiz.qpic.cn/*', 'https://mp.weixin.qq.com/*']);
    // Images on other hosts: optional, asked for from the popup's click, per host.
    expect([...(m.optional_host_permissions as string[])].sort()).toEqual(['http://*/*', 'https://*/*']);
    // Saving into a subfolder of Downloads: optional, asked for in the options when that destination is chosen.
    expect(m.optional_permissions).toEqual(['downloads']);
    const cs = (m.content_scripts as { matches: string[]; run_at: string }[])[0]!;
    expect([...cs.matches].sort()).toEqual(['https://mp.weixin.qq.com/mp/appmsgalbum?*', 'https://mp.weixin.qq.com/s/*', 'https://mp.weixin.qq.com/s?*']);
    expect(cs.run_at).toBe('document_start');
    expect(m).not.toHaveProperty('content_security_policy'); // the MV3 default forbids remote code and eval
    // Only the export pipeline, which the content script imports on the first export, and only to WeChat pages.
    // Under the per-session dynamic id only: a page cannot probe the fixed id to learn the extension is installed.
    expect(m.web_accessible_resources).toEqual([{ resources: ['export-pipeline.js'], matches: ['https://mp.weixin.qq.com/*'], use_dynamic_url: true }]);
  });

  it('the content script, compiled on every article page, holds none of the export pipeline', () => {
    const content = readFileSync(join(EXTENSION_DIR, 'content-scripts/content.js'), 'utf8');
    const pipeline = readFileSync(join(EXTENSION_DIR, 'export-pipeline.js'), 'utf8');
    // The libraries' own names: DOMPurify's hook, Turndown and its rule for fenced code.
    for (const mark of ['uponSanitizeElement', 'fencedCodeBlock', 'Turndown']) {
      expect(pipeline, mark).toContain(mark);
      expect(content, mark).not.toContain(mark);
    }
    expect(content.length).toBeLessThan(pipeline.length);
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

});

describe('the Firefox package, ready for addons.mozilla.org', () => {
  const firefoxManifest = () => JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')) as { browser_specific_settings: { gecko: Record<string, unknown> } };
  const lint = () => {
    const out = spawnSync('npx', ['web-ext', 'lint', '--source-dir', FIREFOX_EXTENSION_DIR, '--output', 'json', '--no-config-discovery'], { encoding: 'utf8' });
    return JSON.parse(out.stdout.slice(out.stdout.indexOf('{'))) as LintReport;
  };
  interface LintReport {
    summary: { errors: number; warnings: number };
    errors: unknown[];
    warnings: { code: string; file: string; line: number; column: number }[];
  }
  beforeAll(() => {
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: 'ignore' });
  });

  it('has a fixed gecko id, a minimum version the tests cover, and declares that it collects no data', () => {
    const gecko = firefoxManifest().browser_specific_settings.gecko;
    expect(gecko.id).toBe('wechat-article-cleaner@example.org');
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
    // The browser tests run in this Firefox: the minimum may not be newer than it.
    const installed = /(\d+)\.\d+/.exec(execFileSync(findFirefox(), ['--version'], { encoding: 'utf8' }))![1]!;
    expect(Number(String(gecko.strict_min_version).split('.')[0])).toBeLessThanOrEqual(Number(installed));
  });

  it('asks for the same optional permissions as the Chrome build: MV2 has no optional_host_permissions, its hosts are optional permissions', () => {
    const m = firefoxManifest() as unknown as { optional_permissions: string[]; optional_host_permissions?: string[] };
    expect([...m.optional_permissions].sort()).toEqual(['downloads', 'http://*/*', 'https://*/*']);
    expect(m.optional_host_permissions).toBeUndefined();
  });

  it('web-ext lint: no errors, and no warnings but the two explained in the README', () => {
    const report = lint();
    expect(report.errors).toEqual([]);
    expect(report.summary.errors).toBe(0);
    for (const w of report.warnings) {
      // The code before and around the warning's place, across lines (not every file is minified to one).
      const lines = readFileSync(join(FIREFOX_EXTENSION_DIR, w.file), 'utf8').split('\n');
      const at = lines.slice(0, w.line - 1).reduce((n, l) => n + l.length + 1, 0) + w.column;
      const code = lines.join('\n');
      const before = code.slice(Math.max(0, at - 400), at);
      const around = code.slice(Math.max(0, at - 100), at + 60);
      expect(w.code).toBe('UNSAFE_VAR_ASSIGNMENT');
      if (w.file === 'content-scripts/content.js') {
        // The content script's import of the export pipeline: the extension's own file, by its fixed path.
        expect(around).toMatch(/="\/export-pipeline\.js";.{0,60}import\(\w+\.runtime\.getURL\(\w+\)\)/);
      } else {
        // DOMPurify's fallback for browsers whose DOMParser fails: innerHTML on a document it made itself
        // (document.implementation.createDocument), never on the page. The linter cannot tell. DOMPurify is
        // bundled where the export runs: the export pipeline the content script imports, and the batch page.
        expect(w.file).toMatch(/^(export-pipeline|chunks\/batch-[\w-]+)\.js$/);
        expect(before).toContain('.createDocument(');
      }
    }
    expect(report.summary.warnings).toBeLessThanOrEqual(3);
  });
});
