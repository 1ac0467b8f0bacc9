/**
 * index.md when only the new articles of an album were exported: the new entries in their place
 * (by date, in the batch's order), the old ones kept. For a folder, the old ones are the lines of the
 * index.md already there; for a ZIP, the album's other articles, marked as exported before.
 */
import { dayOf } from '../batch/output';

/** An album article left out of the batch because it was exported before. */
export interface EarlierItem {
  url: string;
  title: string;
  date: string;
}

const ENTRY = /^\d+\. /;
const DAY = / — (\d{4}-\d{2}-\d{2})(?: |$)/;
const label = (s: string) => s.replace(/([\\[\]*_`])/g, '\\$1');

interface Parsed {
  head: string[];
  entries: string[];
  tail: string[];
}

function parse(text: string): Parsed {
  const lines = text.replace(/\r\n/g, '\n').replace(/\n+$/, '').split('\n');
  const first = lines.findIndex((l) => ENTRY.test(l));
  if (first < 0) return { head: lines, entries: [], tail: [] };
  let end = first;
  while (end < lines.length && ENTRY.test(lines[end]!)) end++;
  return { head: lines.slice(0, first), entries: lines.slice(first, end).map((l) => l.replace(ENTRY, '')), tail: lines.slice(end) };
}

/** Old and new entries (their text after the number) ordered by day; an entry without a day keeps the day before it. */
function ordered(old: readonly string[], fresh: readonly string[]): string[] {
  const days = (list: readonly string[]) => {
    let last = '';
    return list.map((e) => (last = DAY.exec(e)?.[1] ?? last));
  };
  const freshDays = days(fresh).filter(Boolean);
  const newestFirst = freshDays.length > 1 ? freshDays[0]! > freshDays[freshDays.length - 1]! : (() => {
    const o = days(old).filter(Boolean);
    return o.length > 1 && o[0]! > o[o.length - 1]!;
  })();
  const all = [...days(old).map((day, i) => ({ day, text: old[i]!, n: i })), ...days(fresh).map((day, i) => ({ day, text: fresh[i]!, n: old.length + i }))];
  // Stable: on the same day the old entry stays first.
  all.sort((a, b) => (a.day === b.day || !a.day || !b.day ? a.n - b.n : (a.day < b.day ? -1 : 1) * (newestFirst ? -1 : 1)));
  return all.map((e) => e.text);
}

/**
 * The batch's index (`fresh`, from indexMarkdown) merged into the old one. Old entries naming the
 * address of an article in this batch (one not exported, or failed, last time) give way to the new entry.
 */
export function mergeIndex(oldText: string, freshText: string, batchUrls: readonly string[]): string {
  const old = parse(oldText);
  const fresh = parse(freshText);
  const kept = old.entries.filter((e) => !batchUrls.some((u) => e.includes(`<${u}>`)));
  const entries = ordered(kept, fresh.entries).map((e, i) => `${i + 1}. ${e}`);
  const seen = new Set(old.tail.filter((l) => l.trim()));
  const tail = old.tail.length ? [...old.tail, ...fresh.tail.filter((l) => l.trim() && !seen.has(l))] : fresh.tail;
  return `${[...fresh.head, ...entries, ...tail].join('\n')}\n`;
}

/** The ZIP's full index: the album's articles exported before are listed too, marked so. */
export function indexWithEarlier(freshText: string, earlier: readonly EarlierItem[]): string {
  if (earlier.length === 0) return freshText;
  const lines = earlier.map((e) => {
    const day = dayOf(e.date);
    return `0. ${label(e.title || e.url)}${day ? ` — ${day}` : ''} — 已导出过 / exported before — <${e.url}>`;
  });
  return mergeIndex(`x\n\n${lines.join('\n')}\n`, freshText, []);
}


