/**
 * A note checked against its page's hand-written label (tests/fixtures/labels, copied from the
 * scoreboard's labels; schema in labels/SCHEMA.md). The Markdown → plain text step mirrors the
 * scoreboard's score.mjs (markdownToPlain, matchKind, its image counting): a string counts as in
 * the note when a reader of the rendered note would see it, Markdown escapes and emphasis removed,
 * whitespace collapsed. Kept to what the labels need; where it differs from score.mjs it is stricter.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './fixtures';

export interface Label {
  kind: 'article' | 'image-post' | 'text-post' | 'unavailable';
  title: string | null;
  must: string[];
  must_not: string[];
  content_images: number | null;
  promo_images: string[];
}

export function label(name: string): Label | null {
  const file = join(FIXTURES, 'labels', `${name}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Label) : null;
}

const PH_OPEN = '\uE000';
const PH_CLOSE = '\uE001';
const ESC_BASE = 0xe100;

const normSpaces = (s: string) =>
  s
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]/g, ' ');

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };
const decodeEntities = (s: string) =>
  s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });

/** The note's body (no front matter). */
export function noteBody(md: string): string {
  const m = /^---[ \t]*\n[\s\S]*?\n---[ \t]*(?:\n|$)/.exec(md);
  return m ? md.slice(m[0].length) : md;
}

/** Markdown → the text a reader sees, one block per line (score.mjs markdownToPlain). */
export function markdownToPlain(md: string): string {
  let s = normSpaces(md);
  const saved: string[] = [];
  const protect = (text: string) => `${PH_OPEN}${saved.push(text) - 1}${PH_CLOSE}`;
  // 1. fenced code: verbatim.
  const lines = s.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*(?:(?:[-*+]|\d{1,9}[.)])\s+)?(`{3,}|~{3,})(.*)$/.exec(lines[i]!);
    if (m && !(m[1]![0] === '`' && m[2]!.includes('`'))) {
      const close = new RegExp(`^\\s*\\${m[1]![0]}{${m[1]!.length},}\\s*$`);
      const buf: string[] = [];
      for (i++; i < lines.length && !close.test(lines[i]!); i++) buf.push(lines[i]!);
      out.push(protect(buf.join('\n')));
    } else out.push(lines[i]!);
  }
  s = out.join('\n');
  // 2. backslash escapes, 3. inline code.
  s = s.replace(/\\([!-/:-@[-`{-~])/g, (_m, c: string) => String.fromCharCode(ESC_BASE + c.charCodeAt(0)));
  s = s.replace(/(`+)((?:(?!\n\n)[\s\S])*?[^`])\1(?!`)/g, (_m, _t, code: string) => protect(code.replace(/^ (.*) $/s, '$1')));
  // 4. HTML (tables with merged cells).
  s = s.replace(/<!--[\s\S]*?-->/g, '');
  s = s.replace(/<br\s*\/?>/gi, '\n').replace(/<\/(p|div|li|tr|h[1-6]|blockquote|section|table|pre)>/gi, '\n');
  s = s.replace(/<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?\/?>/g, ' ');
  // 5. images → alt text, links → link text.
  const target = String.raw`\((?:<[^>]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)`;
  s = s.replace(new RegExp(String.raw`!\[([^\]]*)\]` + target, 'g'), '$1');
  for (let i = 0; i < 3; i++) s = s.replace(new RegExp(String.raw`\[([^\[\]]*)\]` + target, 'g'), '$1');
  // 6. block syntax, line by line.
  s = s
    .split('\n')
    .map((line) => {
      let l = line;
      if (/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(l) && (l.includes('|') || /^\s*-{3,}\s*$/.test(l))) return '';
      if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(l)) return '';
      for (let k = 0; k < 4; k++) {
        const before = l;
        l = l.replace(/^\s*(>\s?)+/, '');
        l = l.replace(/^\s{0,3}#{1,6}(\s+|$)/, '').replace(/\s+#+\s*$/, '');
        l = l.replace(/^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?/, '');
        if (l === before) break;
      }
      if (l.includes('|')) l = l.replace(/^\s*\|/, '').replace(/\|\s*$/, '').replace(/\|/g, ' ');
      return l;
    })
    .join('\n');
  // 7. emphasis markers, 8. escapes and code back.
  s = s.replace(/\*\*|__|~~|==/g, '');
  s = s.replace(/(^|[\s\p{P}\p{S}\u3000-\u9fff\uff00-\uffef])[*_]+(?=\S)/gu, '$1');
  s = s.replace(/(\S)[*_]+(?=$|[\s\p{P}\p{S}\u3000-\u9fff\uff00-\uffef])/gmu, '$1');
  s = s.replace(/[\uE100-\uE17F]/g, (c) => String.fromCharCode(c.charCodeAt(0) - ESC_BASE));
  for (let i = 0; i < 3; i++) s = s.replace(/\uE000(\d+)\uE001/g, (_m, n: string) => saved[Number(n)]!);
  s = normSpaces(decodeEntities(s));
  return s
    .split('\n')
    .map((l) => l.replace(/ +/g, ' ').trim())
    .filter((l) => l !== '')
    .join('\n');
}

const collapse = (s: string) => normSpaces(s).replace(/\s+/g, ' ').trim();
const noWs = (s: string) => normSpaces(s).replace(/\s+/g, '');

/** Is the label's string in the plain text (score.mjs matchKind): ASCII words whole, else as a substring. */
export function contains(plain: string, needle: string): boolean {
  const nc = collapse(needle);
  if (!nc) return false;
  const c = collapse(plain);
  if (/^[A-Za-z0-9 ]+$/.test(nc)) {
    const re = new RegExp(`(^|[^A-Za-z0-9])${nc.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s*')}(?![A-Za-z0-9])`);
    return re.test(c);
  }
  return c.includes(nc) || noWs(plain).includes(noWs(needle));
}

/** The same picture at another size (/0, /640) or with other parameters is the same image (score.mjs normImageUrl). */
function imageKey(u: string): string {
  const raw = u.replace(/\\(?=[_*~[\]()#+\-.!])/g, '').replace(/&amp;/g, '&');
  try {
    const url = new URL(raw.startsWith('//') ? `https:${raw}` : raw);
    const fmt = url.searchParams.get('wx_fmt');
    return `https://${url.host}${url.pathname.replace(/\/+$/, '').replace(/\/\d+$/, '')}${fmt ? `?wx_fmt=${fmt}` : ''}`;
  } catch {
    return raw;
  }
}

export interface LabelCheck {
  missing: string[];
  leaks: string[];
  promoLeaks: string[];
  /** Distinct content images the note embeds (each counted as often as it is embedded, at least once). */
  images: number;
  /** Distinct content images beyond the label's count. */
  extraImages: number;
}

/** What the note misses or leaks against its label. */
export function checkAgainstLabel(md: string, l: Label): LabelCheck {
  const body = noteBody(md);
  const plain = markdownToPlain(body);
  const embedded = Array.from(body.matchAll(/!\[[^\]]*\]\(<?((?:https?:)?\/\/[^\s)>]+)/g), (m) => m[1]!).filter((u) => !/res\.wx\.qq\.com/.test(u));
  const urls = [...new Set([...(body.match(/(?:https?:)?\/\/mmbiz\.(?:qpic|qlogo)\.cn\/[^\s)"'<>\]]+/g) ?? []), ...embedded])];
  const promoLeaks = l.promo_images.filter((p) => p && (urls.some((u) => u.includes(p)) || body.includes(p)));
  const content = [...new Set(urls.map(imageKey))].filter((u) => !l.promo_images.some((p) => p && u.includes(p)));
  const embeds = Array.from(body.matchAll(/!\[[^\]]*\]\(<?([^\s)>]+)|<img\b[^>]*\bsrc="([^"]+)"/g), (m) => imageKey(m[1] ?? m[2]!));
  return {
    missing: l.must.filter((s) => !contains(plain, s)),
    leaks: l.must_not.filter((s) => contains(plain, s)),
    promoLeaks,
    images: content.reduce((n, u) => n + Math.max(1, embeds.filter((e) => e === u).length), 0),
    extraImages: Math.max(0, content.length - (l.content_images ?? 0)),
  };
}
