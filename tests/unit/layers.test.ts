/**
 * The folders of utils/ are the steps of an export, in order, and the features built on them. A module
 * may import its own layer and the layers below it, never one above; and no two modules may import each
 * other, directly or round a circle, not even for types (a circle of types is still a circle: neither
 * side can be read, moved or tested without the other).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { MEDIA_KINDS } from '../../utils/markdown/media';
import { MEDIA_SELECTORS } from '../../utils/page/media';

const UTILS = resolve(__dirname, '../../utils');

/**
 * Each path under utils/ (a folder, or one module) and its layer, lowest first. The longest matching
 * path wins, so a module that does another step's job than its folder's is placed by that job.
 */
export const LAYERS: readonly { path: string; layer: number; why: string }[] = [
  { path: 'page', layer: 0, why: 'what the page is: reads the page, needs nothing of ours' },
  { path: 'ui/i18n.ts', layer: 0, why: 'the words every step says to the reader (a table and t()); imports nothing of ours' },
  { path: 'ui/json-file.ts', layer: 0, why: "the one reader of an imported JSON file (the promotion memory's, the highlights'): plain data, imports nothing of ours" },
  { path: 'annotate/store.ts', layer: 0, why: "the reader's highlights as data: an article carries them (extract), the note marks them" },
  { path: 'annotate/anchor.ts', layer: 0, why: 'where a highlight is in a text (a quote and its context): plain DOM, read by the store' },
  { path: 'batch/album-info.ts', layer: 0, why: 'which albums a page names: a reading of the page (its scripts), for the templates and the batch alike' },
  { path: 'follow/record.ts', layer: 0, why: 'the record of exported articles (storage only): every export writes it, follow reads it' },
  { path: 'clean', layer: 1, why: 'what the reader should not see: chrome rules, the promotion detector, its memory' },
  { path: 'extract', layer: 2, why: 'the article as a detached copy, cleaned by the detector below it' },
  { path: 'markdown', layer: 3, why: 'the note: converter rules and templates, from an extracted article' },
  { path: 'annotate/markdown.ts', layer: 3, why: "the highlights' part of the note: a converter rule" },
  { path: 'deliver', layer: 4, why: 'where a converted note goes: destinations, ZIP, folder, Joplin, Obsidian' },
  { path: 'annotate/find-note.ts', layer: 4, why: 'finds an earlier note of the article in a folder: used by the folder destination' },
  { path: 'annotate/merge.ts', layer: 4, why: "merges the reader's notes into an updated note: used by the folder destination" },
  { path: 'settings', layer: 5, why: "the options: each step's own part (NoteTemplates, DeliverSettings) and the rest" },
  { path: 'pipeline', layer: 6, why: 'the one place that runs the steps: detect → extract (its copy cleaned by clean/) → convert → deliver, in order' },
  { path: 'clean/page-cleaning.ts', layer: 6, why: "the clean step on the live page over its life: with the reader's settings and the popup's switch" },
  { path: 'clean/page-memory.ts', layer: 6, why: "the account's memory on the live page, beside its cleaning" },
  { path: 'batch', layer: 7, why: 'many articles through the pipeline: album listing, queue, output' },
  { path: 'follow', layer: 8, why: 'followed albums: a batch of what is new' },
  { path: 'messages', layer: 9, why: 'who talks to whom: the requests between popup, background and page name what every feature sends' },
  { path: 'annotate', layer: 10, why: 'highlights on the live page: a layer over the article, beside the toolbar' },
  { path: 'batch/batch-page.ts', layer: 10, why: "the batch page's controller: UI, wires batch, follow and the pipeline" },
  { path: 'batch/toolbar-items.ts', layer: 10, why: "the toolbar's batch items: UI" },
  { path: 'batch/popup-batch.ts', layer: 10, why: "the popup's batch part: UI" },
  { path: 'follow/toolbar-items.ts', layer: 10, why: "the toolbar's follow items: UI" },
  { path: 'ui', layer: 10, why: 'what the reader sees and clicks: toolbar, popup, options' },
];

export function layerOf(module: string): number {
  const hit = LAYERS.filter((l) => module === l.path || module.startsWith(`${l.path}/`) || module === `${l.path}.ts`).sort((a, b) => b.path.length - a.path.length)[0];
  if (!hit) throw new Error(`no layer for utils/${module}: add its folder to LAYERS`);
  return hit.layer;
}

function modules(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return modules(p);
    return n.endsWith('.ts') && !n.endsWith('.d.ts') ? [p] : [];
  });
}

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  for (const f of [`${base}.ts`, join(base, 'index.ts')]) if (existsSync(f)) return f;
  return null;
}

/** Every static import of every module: `import`, `import type`, `export … from` (TypeScript's own reader). */
export function importGraph(root = UTILS): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of modules(root)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, false);
    const targets = importedFiles.map((i) => resolveImport(file, i.fileName)).filter((f): f is string => !!f && f.startsWith(root));
    graph.set(relative(root, file), [...new Set(targets.map((f) => relative(root, f)))]);
  }
  return graph;
}

export function upwardImports(graph: Map<string, string[]>): string[] {
  const found: string[] = [];
  for (const [from, tos] of graph) for (const to of tos) if (layerOf(to) > layerOf(from)) found.push(`${from} (${layerOf(from)}) → ${to} (${layerOf(to)})`);
  return found.sort();
}

/** The strongly connected components of more than one module (Tarjan), each as a circle of names. */
export function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

/** The steps' entry points: only the pipeline (utils/pipeline/) calls them, each once, in order. */
export const STEP_CALLS: readonly { step: string; call: string; example: string }[] = [
  { step: 'extract', call: 'extractArticle(', example: 'markdown/note.ts ran the extraction inside the converter (prepareExport)' },
  { step: 'convert', call: 'articleMarkdown(', example: 'deliver/draft.ts converted the article for its draft (draftFromArticle)' },
];

/** Modules outside pipeline/ that call a step's entry point (its own definition aside). */
export function stepCallers(root = UTILS): string[] {
  const found: string[] = [];
  for (const file of modules(root)) {
    const name = relative(root, file);
    if (name.startsWith('pipeline/')) continue;
    const code = readFileSync(file, 'utf8');
    for (const { step, call } of STEP_CALLS) if (code.replaceAll(`function ${call}`, '').includes(call)) found.push(`${name} calls ${call}…) (${step})`);
  }
  return found.sort();
}

describe('layers of utils/', () => {
  const graph = importGraph();

  it('reads the imports (the checker sees what it checks)', () => {
    // Known edges of each kind: a plain import, an `import type`, an `export … from`.
    expect(graph.get('extract/article.ts')).toContain('page/kind.ts');
    expect(graph.get('clean/promotion.ts')).toContain('clean/promotion-signals.ts');
    expect(graph.get('deliver/destinations/types.ts')!.length).toBeGreaterThan(0);
  });

  it('finds an upward import and a circle in a made-up graph', () => {
    const made = new Map([
      ['markdown/note.ts', ['extract/article.ts', 'deliver/filename.ts']],
      ['deliver/filename.ts', ['markdown/note.ts']],
      ['extract/article.ts', []],
    ]);
    expect(upwardImports(made)).toEqual(['markdown/note.ts (3) → deliver/filename.ts (4)']);
    expect(cycles(made)).toEqual([['deliver/filename.ts', 'markdown/note.ts']]);
  });

  it('every module has a layer', () => {
    for (const m of graph.keys()) expect(() => layerOf(m), m).not.toThrow();
  });

  it('no module imports from a layer above its own', () => {
    expect(upwardImports(graph)).toEqual([]);
  });

  it('no circle of imports, types included', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it("a media card's selector lives below, in page/media.ts: a row written with its own selector would be unknown to the extraction", () => {
    // The merge with the audio player's row (.js_audio_frame) once did exactly that: its text leaked into note 33.
    for (const k of MEDIA_KINDS) expect(Object.values(MEDIA_SELECTORS), k.selector).toContain(k.selector);
  });

  it('only the pipeline calls the steps (no step runs another)', () => {
    expect(stepCallers()).toEqual([]);
  });
});
