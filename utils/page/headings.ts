/**
 * Section titles. WeChat editors seldom use h1–h6: a section title is a short paragraph of its own,
 * bold, larger or coloured, often numbered (一、, 01, Part 1, 1.). Those are found here, by their
 * inline style and numbering only (the same answer on the live page and on the extracted copy,
 * with no layout), and levelled by style: the most prominent kind of title is ##, the next ###.
 * The export turns them into headings (markSectionTitles); the outline reads sectionTitles.
 */
import { BOLD_STYLE } from './styles';

export interface SectionTitle {
  /** The first element of the title (a title split over two lines keeps its first). */
  el: Element;
  /** The elements the title is made of, in order. */
  parts: Element[];
  text: string;
  /** 2 = ##, 3 = ###, …: the top level of the article is always 2. */
  level: number;
}

/** Numbering that opens a title, from the highest rank down. `rank` orders title kinds for levels. */
export const NUMBERING: readonly { name: string; pattern: RegExp; rank: number; example: string }[] = [
  { name: 'chapter', pattern: /^(第[一二三四五六七八九十百\d]+[章节部分篇讲]|(part|chapter)\s*\.?\s*\d+)/i, rank: 0, example: '第一章 缘起' },
  { name: 'chinese numeral', pattern: /^[一二三四五六七八九十]{1,3}\s*[、.．]/, rank: 1, example: '一、静态页面' },
  { name: 'two-digit', pattern: /^0\d(?!\d)\s*[、.．|｜]?\s*\S/, rank: 1, example: '01 引言' },
  { name: 'parenthesised numeral', pattern: /^[（(][一二三四五六七八九十]{1,3}[)）]/, rank: 2, example: '（一）背景' },
  { name: 'bracketed label', pattern: /^【[^】]{1,12}】$/, rank: 2, example: '【全国两会】' },
  { name: 'arabic', pattern: /^\d{1,2}\s*[、.．](?!\d)\s*\S/, rank: 3, example: '1. 安装' },
  { name: 'circled', pattern: /^[❶❷❸❹❺❻❼❽❾❿①②③④⑤⑥⑦⑧⑨⑩]/, rank: 3, example: '❶ 试听课' },
  { name: 'dotted', pattern: /^\d+\.\d+(?!\d)/, rank: 4, example: '2.1 配置' },
];

/** A reference marker after a title's words ("Jta[49]"): it links to a note, it is not the title. */
export const REFERENCE_MARKER = { pattern: /\s*\[\d{1,3}\]/g, example: '2、Smart Excalidraw[51]' };
// Both ask for a `[` first: the expressions, which start with \s*, were tried at every position of
// every line's whole text.
const withoutMarkers = (text: string) => (text.includes('[') ? text.replace(REFERENCE_MARKER.pattern, '') : text);
const isMarker = (text: string) => text.includes('[') && /^\s*\[\d{1,3}\]\s*$/.test(text);

/** The number of a numbered line ("3、" → 3, "三、" → 3, "❸" → 3), for telling a series apart. */
const CIRCLED = '❶❷❸❹❺❻❼❽❾❿①②③④⑤⑥⑦⑧⑨⑩';
const CHINESE_DIGITS = '一二三四五六七八九';
function ordinal(text: string): number | null {
  const arabic = /^[（(]?0?(\d{1,2})/.exec(text);
  if (arabic) return Number(arabic[1]);
  const c = CIRCLED.indexOf(text[0] ?? '');
  if (c >= 0) return (c % 10) + 1;
  const zh = /^[（(]?([一二三四五六七八九十]{1,3})/.exec(text)?.[1];
  if (!zh) return null;
  const [tens, units] = zh.includes('十') ? zh.split('十') : ['', zh];
  return (zh.includes('十') ? (CHINESE_DIGITS.indexOf(tens!) + 1 || 1) * 10 : 0) + (CHINESE_DIGITS.indexOf(units!) + 1);
}

/** What a candidate looks like: the style most of its characters carry. */
export interface TitleStyle {
  bold: boolean;
  /** Font size in px minus the body text's, rounded; 0 when the same or unknown. */
  larger: number;
  coloured: boolean;
  /** On a band of saturated background colour (the badge titles of 135editor-style layouts). */
  band: boolean;
  numbering: number | null;
}

/** Which styles make a short standalone line a title. Each with an example. */
export const TITLE_RULES: readonly { name: string; test: (s: TitleStyle) => boolean; example: string }[] = [
  { name: 'numbered and styled', test: (s) => s.numbering !== null && (s.bold || s.larger > 0 || s.coloured), example: '<p><strong>一、静态页面</strong></p>' },
  { name: 'larger and bold or coloured', test: (s) => s.larger >= 2 && (s.bold || s.coloured), example: '<p><span style="font-size: 20px; color: rgb(0, 52, 198)"><strong>当作文只剩应试模版</strong></span></p>' },
  { name: 'on a coloured band', test: (s) => s.band, example: '<section style="background-color: rgb(105, 135, 166); color: rgb(255, 255, 255)"><span>隐藏状态栏</span></section>' },
];

/**
 * A short question that a title rule (not bold alone) accepts is a title ("什么是沉浸式？" on a band);
 * a longer one, or one with a clause inside, is a sentence.
 */
export const SHORT_QUESTION = { test: (t: string) => t.length <= 16 && /[？?]$/.test(t) && !/[，,。；;：:]/.test(t), example: '什么是沉浸式？' };

/** A bold-only line is a title only when the article has a set of lines styled alike. */
export const BOLD_SET = { min: 3, example: '<p><strong>课堂问题</strong></p> … <p><strong>讲义问题</strong></p> … <p><strong>学生问题</strong></p>' };

/** What is never a title, whatever its style. Each with an example. */
export const NOT_A_TITLE: readonly { name: string; test: (text: string) => boolean; example: string }[] = [
  // A sentence ends with 。！？ (or a comma: a line of a longer sentence); a label ends with a colon.
  { name: 'sentence or clause', test: (t) => /[。！？!?；;：:，,、…~～]["”’』」）)]*$/.test(t) && !/^【.*】$/.test(t), example: '这就是互联网架构中的“页面静态化”优化技术。' },
  { name: 'too long', test: (t) => t.length > 32, example: '静态页面是指互联网架构中几乎不变的页面或者变化频率很低的页面比如首页和样式文件' },
  { name: 'too short', test: (t) => t.replace(/\s/g, '').length < 2, example: '图' },
  { name: 'a bare number', test: (t) => /^(\d+|part\s*\d+)$/i.test(t), example: '01' },
];

// Blocks a title can be: paragraphs and the sections editors use as paragraphs.
const BLOCK = 'p, section, div, h1, h2, h3, h4, h5, h6';
const BLOCK_NAMES = new Set(BLOCK.split(', '));
const LEAF_BLOCK_INSIDE = 'p, section, div, h1, h2, h3, h4, h5, h6, ul, ol, li, table, blockquote, pre, img, br';
// A short line in a list, quote, table or code is part of it, not a title.
const CONTAINER = 'li, blockquote, table, pre, code';
const HEADING = /^H[1-6]$/;

const SIZE = /font-size\s*:\s*([\d.]+)\s*(px|pt|em|rem)/i;
const COLOUR = /(?:^|[;\s])color\s*:\s*([^;]+)/i;
const BACKGROUND = /background(?:-color)?\s*:\s*((?:#|rgba?\()[^;]+)/i;

interface Run {
  chars: number;
  bold: boolean;
  size: number | null;
  colour: 'colour' | 'grey' | 'plain';
  band: boolean;
}

function px(style: string): number | null {
  const m = SIZE.exec(style);
  if (!m) return null;
  const n = Number(m[1]);
  return m[2]!.toLowerCase() === 'pt' ? n * (4 / 3) : /em/i.test(m[2]!) ? n * 16 : n;
}

/** A colour that stands out from body text: saturated. Light greys are captions; black is plain. */
function colourKind(value: string): Run['colour'] {
  const v = value.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})\b/.exec(v)?.[1];
  let rgb: number[] | null = null;
  if (hex) rgb = (hex.length === 3 ? hex.split('').map((h) => h + h) : hex.match(/../g)!).map((h) => parseInt(h, 16));
  const m = /rgba?\(([^)]+)\)/.exec(v);
  if (m) {
    const parts = m[1]!.split(/[,\s/]+/).filter(Boolean).map(Number);
    if (parts.length === 4 && parts[3]! < 0.5) return 'plain'; // transparent or nearly
    rgb = parts.slice(0, 3);
  }
  if (!rgb || rgb.some((n) => !Number.isFinite(n))) return /^(red|blue|green|orange|purple|brown|teal|navy|maroon)$/.test(v) ? 'colour' : 'plain';
  const spread = Math.max(...rgb) - Math.min(...rgb);
  if (spread >= 40) return 'colour';
  return Math.min(...rgb) >= 120 && Math.max(...rgb) < 240 ? 'grey' : 'plain';
}

/** What the element and its ancestors up to the content root set: any bold, the nearest size and colour. */
interface Inherited {
  bold: boolean;
  size: number | null;
  colour: Run['colour'] | null;
  band: boolean;
}

/**
 * The style an element's text inherits, memoized per element: the lines of an article share their
 * ancestors, so each one's style attribute is read once, not once for every text node below it.
 */
function inheritedStyle(el: Element | null, root: Element, memo: Map<Element, Inherited>): Inherited {
  if (!el || el === root.parentElement) return { bold: false, size: null, colour: null, band: false };
  const known = memo.get(el);
  if (known) return known;
  const up = inheritedStyle(el.parentElement, root, memo);
  let bold = up.bold || el.nodeName === 'STRONG' || el.nodeName === 'B' || HEADING.test(el.nodeName);
  let size: number | null = null;
  let colour: Run['colour'] | null = null;
  let band: boolean | null = null;
  const style = el.getAttribute('style');
  if (style) {
    if (BOLD_STYLE.test(style)) bold = true;
    size = px(style);
    const c = COLOUR.exec(style)?.[1];
    if (c && !/^(inherit|initial|unset|currentcolor)/i.test(c.trim())) colour = colourKind(c);
    const bg = BACKGROUND.exec(style)?.[1];
    if (bg) band = colourKind(bg) === 'colour';
  }
  // The nearest element that says wins: this one's, else what it inherits.
  const out = { bold, size: size ?? up.size, colour: colour ?? up.colour, band: band ?? up.band };
  memo.set(el, out);
  return out;
}

/** The style of one text node: its nearest bold, size and colour, looked up to the content root. */
function runOf(text: Text, root: Element, memo: Map<Element, Inherited>): Run {
  const s = inheritedStyle(text.parentElement, root, memo);
  return { chars: text.data.replace(/\s/g, '').length, bold: s.bold, size: s.size, colour: s.colour ?? 'plain', band: s.band };
}

function runsOf(el: Element, root: Element, memo: Map<Element, Inherited>): Run[] {
  const doc = el.ownerDocument;
  const walker = doc.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  const runs: Run[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (isMarker((n as Text).data)) continue;
    const r = runOf(n as Text, root, memo);
    if (r.chars) runs.push(r);
  }
  return runs;
}

/** The body text's font size: the size most characters of longer paragraphs have. */
function bodySize(blocks: { runs: Run[]; text: string }[]): number {
  const bySize = new Map<number, number>();
  for (const b of blocks) {
    if (b.text.length < 40) continue;
    for (const r of b.runs) if (r.size !== null) bySize.set(Math.round(r.size), (bySize.get(Math.round(r.size)) ?? 0) + r.chars);
  }
  let best = 16;
  let most = 0;
  for (const [size, n] of bySize) if (n > most) [best, most] = [size, n];
  return best;
}

// The number itself of a numbered line, with its punctuation: "1、", "（一）", "第一章", "Part 2", "2.1", "❶".
const NUMBER_PREFIX = /^(?:[（(]?(?:第[一二三四五六七八九十百\d]+[章节部分篇讲]|(?:part|chapter)\s*\.?\s*\d+|[一二三四五六七八九十\d]{1,3}(?:\.\d+)?)[)）]?\s*[、.．|｜]?|[❶❷❸❹❺❻❼❽❾❿①②③④⑤⑥⑦⑧⑨⑩])/i;

/** The runs after the numbering: a title's number is often plain while its words are styled ("1、" then
 *  coloured "Jta"), and two characters of number must not decide whether the words look like a title. */
function wordsOnly(runs: Run[], text: string): Run[] {
  const prefix = NUMBERING.some((n) => n.pattern.test(text)) ? NUMBER_PREFIX.exec(text)?.[0] ?? '' : '';
  let skip = prefix.replace(/\s/g, '').length;
  const out: Run[] = [];
  for (const r of runs) {
    const cut = Math.min(skip, r.chars);
    skip -= cut;
    if (r.chars > cut) out.push({ ...r, chars: r.chars - cut });
  }
  return out.length ? out : runs;
}

function styleOf(allRuns: Run[], text: string, body: number): TitleStyle & { grey: boolean; smaller: boolean } {
  const runs = wordsOnly(allRuns, text);
  const total = runs.reduce((n, r) => n + r.chars, 0) || 1;
  const share = (f: (r: Run) => boolean) => runs.filter(f).reduce((n, r) => n + r.chars, 0) / total;
  // The size most of the text has (a title's number may be smaller or larger than its words).
  const sizes = runs.map((r) => r.size ?? body);
  const size = Math.max(...sizes.filter((s) => share((r) => (r.size ?? body) >= s) >= 0.6), body - 100);
  const numbering = NUMBERING.find((n) => n.pattern.test(text))?.rank ?? null;
  return {
    bold: share((r) => r.bold) >= 0.8,
    larger: Math.max(0, Math.round(size - body)),
    coloured: share((r) => r.colour === 'colour') >= 0.8,
    band: share((r) => r.band) >= 0.8,
    grey: share((r) => r.colour === 'grey') >= 0.5,
    smaller: size < body - 0.5,
    numbering,
  };
}

/** No run bold, coloured, on a band or larger than the body text: styleOf would find none of a title's
 *  looks (its numbering alone makes no title). Most lines are such: they skip styleOf. */
const looksPlain = (runs: Run[], body: number) => runs.every((r) => !r.bold && r.colour !== 'colour' && !r.band && (r.size === null || r.size <= body));

/** An own h1–h6 that holds a sentence or a paragraph: written as the paragraph it is. */
const isProseHeading = (text: string) => NOT_A_TITLE[0]!.test(text) || text.length > 64;

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

interface Candidate {
  parts: Element[];
  text: string;
  style: TitleStyle;
  key: string;
}

/** A line that can hold a title: a block with text and no block inside, outside lists, quotes and tables. */
function leafBlocks(root: Element): { el: Element; text: string; runs: Run[] }[] {
  // One search, in document order, of the blocks and what a block can hold (<br> does not count: a
  // block of lines reads as one line). A block holds one of them exactly when the next one found is
  // inside it, as its descendants come right after it: no search or ancestor walk per block.
  const found = root.querySelectorAll(LEAF_BLOCK_INSIDE.replace(', br', ''));
  const out: { el: Element; text: string; runs: Run[] }[] = [];
  const memo = new Map<Element, Inherited>();
  // The length once: each read of a NodeList's length is a call into the DOM.
  for (let i = 0, n = found.length; i < n; i++) {
    const el = found[i]!;
    if (!BLOCK_NAMES.has(el.localName)) continue;
    const next = found[i + 1];
    if (next !== undefined && el.contains(next) && !HEADING.test(el.nodeName)) continue;
    const text = collapse(withoutMarkers(el.textContent ?? ''));
    if (!text) continue;
    out.push({ el, text, runs: text.length <= 64 ? runsOf(el, root, memo) : [] });
  }
  return out;
}

const signature = (s: TitleStyle) => `${s.numbering ?? '-'}|${s.bold ? 'b' : ''}|${s.larger}|${s.coloured ? 'c' : ''}|${s.band ? 'band' : ''}`;

/**
 * The article's section titles, in order: its own h1–h6 and the styled lines the rules accept,
 * levelled. A line is a title only between content: runs of lines styled alike (verse, slogans)
 * are not titles, and a title split over two lines (its first ends with a comma) is joined.
 */
export function sectionTitles(root: Element): SectionTitle[] {
  const blocks = leafBlocks(root);
  const body = bodySize(blocks);
  const found: (Candidate & { heading: boolean })[] = [];
  const isCandidateLine = new Set<number>();
  const candidates: (Candidate & { index: number })[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const heading = HEADING.test(b.el.nodeName);
    // The tests of the text first: most lines fail them, and the DOM searches cost more.
    if (!heading && (!b.runs.length || b.text.length > 64 || looksPlain(b.runs, body))) continue;
    if (b.el.closest(CONTAINER) || b.el.querySelector('img')) continue;
    if (heading) {
      // The article's own heading holding a whole paragraph (23 marks its news items so) is prose.
      if (isProseHeading(b.text)) continue;
      candidates.push({ parts: [b.el], text: b.text, style: { bold: true, larger: 0, coloured: false, band: false, numbering: null }, key: b.el.nodeName, index: i });
      isCandidateLine.add(i);
      continue;
    }
    const style = styleOf(b.runs, b.text, body);
    if (style.grey || style.smaller || !(style.bold || style.larger > 0 || style.coloured || style.band)) continue;
    isCandidateLine.add(i);
    let text = b.text;
    const parts = [b.el];
    // A title broken over two lines: the first ends with a comma, the next is styled alike.
    const next = blocks[i + 1];
    if (/[，,]$/.test(text) && next && !next.el.closest(CONTAINER) && next.runs.length && signature(styleOf(next.runs, next.text, body)) === signature(style)) {
      text = `${text}${next.text}`;
      parts.push(next.el);
      isCandidateLine.add(++i);
    }
    const question = SHORT_QUESTION.test(text) && TITLE_RULES.some((r) => r.test(style));
    if (!question && NOT_A_TITLE.some((r) => r.test(text))) continue;
    candidates.push({ parts, text, style, key: signature(style), index: i - parts.length + 1 });
  }
  // Lines styled alike one after another are verse or a slogan; a title is followed by content.
  const keep = candidates.filter((c) => {
    if (/^H/.test(c.key)) return true;
    const before = c.index - 1;
    const after = c.index + c.parts.length;
    if (isCandidateLine.has(before) && candidates.some((o) => o.key === c.key && o.index + o.parts.length - 1 === before)) return false;
    if (after >= blocks.length) return false;
    if (isCandidateLine.has(after) && candidates.some((o) => o.key === c.key && o.index === after)) return false;
    if (!TITLE_RULES.some((r) => r.test(c.style))) {
      const alike = candidates.filter((o) => o.key === c.key).length;
      return c.style.bold && !c.style.coloured && c.style.larger === 0 && alike >= BOLD_SET.min;
    }
    return true;
  });
  for (const c of sameFateSeries(blocks, keep, body)) found.push({ ...c, heading: /^H/.test(c.key) });
  return levelled(found);
}

/**
 * A question styled exactly like the titles of its series is one of them ("09.重点：什么样的爬虫是违法？"
 * among "08.单位犯罪和个人犯罪的关系", "10.最后"); a statement (。) never is.
 */
export const QUESTION_IN_SERIES = { test: (t: string) => t.length <= 32 && /[？?]$/.test(t), example: '09.重点：什么样的爬虫是违法？' };

// Numberings whose lines count 1, 2, 3, …: a run of them in order is one series.
const COUNTED = new Set(['chinese numeral', 'two-digit', 'parenthesised numeral', 'arabic', 'circled']);

/**
 * Lines numbered in one series (1、2、3、… in order, content between) are all titles or none, at one
 * level: the same look means the same level. A series is titles when at least half its lines are
 * ("9、QiLuo（祺洛）" among "8、中国节假日"…), and none when most are not ("1、婚礼赞助" heads news
 * items "2、上海第一起 AI 提示词著作权案近日宣判。"…). A line that is a sentence is never made a title.
 */
function sameFateSeries(blocks: { el: Element; text: string; runs: Run[] }[], keep: (Candidate & { index: number })[], body: number): (Candidate & { index: number })[] {
  const looks = (index: number) => {
    const b = blocks[index]!;
    return b.runs.length ? signature(styleOf(b.runs, b.text, body)) : '';
  };
  const series: { index: number; text: string; el: Element }[][] = [];
  const open = new Map<string, { index: number; text: string; el: Element }[]>();
  const last = new Map<string, number>();
  blocks.forEach((b, index) => {
    if (HEADING.test(b.el.nodeName)) return;
    let name = NUMBERING.find((n) => n.pattern.test(b.text))?.name;
    const n = name && COUNTED.has(name) ? ordinal(b.text) : null;
    // Numbered lines are few: the ancestor search is for them only.
    if (!name || n === null || b.el.closest(CONTAINER)) return;
    // "01 … 09" goes on as "10": a padded series that reaches two digits is still the same series.
    if (name === 'arabic' && n >= 10 && open.has('two-digit') && last.get('two-digit') === n - 1) name = 'two-digit';
    const run = open.get(name);
    if (run && n === last.get(name)! + 1) run.push({ index, ...b });
    else if (n === 1) series.push(open.set(name, [{ index, ...b }]).get(name)!);
    else open.delete(name);
    last.set(name, n);
  });
  const byIndex = new Map(keep.map((c) => [c.index, c]));
  for (const run of series) {
    if (run.length < 2) continue;
    const titles = run.map((m) => byIndex.get(m.index)).filter((c): c is Candidate & { index: number } => !!c);
    if (titles.length * 2 < run.length) {
      for (const t of titles) byIndex.delete(t.index);
      continue;
    }
    const counts = new Map<string, number>();
    for (const t of titles) counts.set(t.key, (counts.get(t.key) ?? 0) + 1);
    const key = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    const style = titles.find((t) => t.key === key)!.style;
    for (const m of run) {
      const lookAlike = byIndex.has(m.index) || (QUESTION_IN_SERIES.test(m.text) && looks(m.index) === key);
      if (!lookAlike && (NOT_A_TITLE.some((r) => r.test(m.text)) || m.el.querySelector('img'))) continue;
      byIndex.set(m.index, { parts: byIndex.get(m.index)?.parts ?? [m.el], text: byIndex.get(m.index)?.text ?? m.text, style, key, index: m.index });
    }
  }
  return [...byIndex.values()].sort((a, b) => a.index - b.index);
}

/** Levels: the article's own headings keep their order (the top one is ##); a styled title goes
 *  one level below the own heading before it (## when there is none), the most prominent kind of
 *  styled title first (larger, then higher-ranked numbering, then bold). */
function levelled(found: (Candidate & { heading: boolean })[]): SectionTitle[] {
  const own = [...new Set(found.filter((f) => f.heading).map((f) => Number(f.key[1])))].sort();
  const styledKeys = [...new Set(found.filter((f) => !f.heading).map((f) => f.key))];
  const styleOfKey = new Map(found.map((f) => [f.key, f.style]));
  styledKeys.sort((a, b) => {
    const sa = styleOfKey.get(a)!;
    const sb = styleOfKey.get(b)!;
    return sb.larger - sa.larger || (sa.numbering ?? 9) - (sb.numbering ?? 9) || Number(sb.bold) - Number(sa.bold);
  });
  let above = 1;
  return found.map((f) => {
    let level: number;
    if (f.heading) above = level = 2 + own.indexOf(Number(f.key[1]));
    else level = above + 1 + Math.min(2, styledKeys.indexOf(f.key));
    return { el: f.parts[0]!, parts: f.parts, text: f.text, level: Math.min(6, level) };
  });
}

/** Reference markers out of a heading: they are the title's footnotes, not its words. */
function dropMarkers(h: Element): void {
  const walker = h.ownerDocument.createTreeWalker(h, 4 /* NodeFilter.SHOW_TEXT */);
  const texts: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
  for (const t of texts) {
    const words = withoutMarkers(t.data);
    if (words !== t.data) t.data = words;
  }
}

/**
 * In the extracted copy: every styled title becomes a real heading element of its level, so the
 * converter writes it as one; the article's own headings get their normalised level too.
 */
export function markSectionTitles(root: Element): void {
  const doc = root.ownerDocument;
  for (const h of Array.from(root.querySelectorAll('h1, h2, h3, h4, h5, h6'))) {
    if (!isProseHeading(collapse(h.textContent ?? ''))) continue;
    const p = doc.createElement('p');
    while (h.firstChild) p.appendChild(h.firstChild);
    h.replaceWith(p);
  }
  for (const t of sectionTitles(root)) {
    if (t.parts.length === 1 && HEADING.test(t.el.nodeName) && Number(t.el.nodeName[1]) === t.level) {
      dropMarkers(t.el);
      continue;
    }
    const h = doc.createElement(`h${t.level}`);
    // The article's own heading keeps its inline content (links); a styled line only its text.
    if (HEADING.test(t.el.nodeName)) while (t.el.firstChild) h.appendChild(t.el.firstChild);
    else h.textContent = t.text;
    dropMarkers(h);
    t.el.replaceWith(h);
    for (const p of t.parts.slice(1)) p.remove();
  }
}
