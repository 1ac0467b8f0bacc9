/**
 * Reading comfort: the article's text size, line height, column width and typeface, as the reader
 * sets them from the toolbar (utils/ui/reading.ts), kept in the synced settings for every article.
 * The defaults are "as WeChat made it": then no style is added at all. Only the look changes: nothing
 * of the content's DOM, so what is hidden and what is exported stay as they were.
 */
export type ReadingFace = 'page' | 'serif' | 'sans';
export interface ReadingStyle {
  /** A scale of the article's text (CSS zoom on #js_content): 1 = as the page. */
  size: number;
  /** 0 = as the page. */
  lineHeight: number;
  /** The column's largest width in px; 0 = as the page (677 px on a desktop). */
  width: number;
  face: ReadingFace;
}

export const READING_OFF: ReadingStyle = { size: 1, lineHeight: 0, width: 0, face: 'page' };

/** The values each control steps through, in order (the first of line height and width is "as the page"). */
export const READING_STEPS = {
  size: [0.85, 0.93, 1, 1.1, 1.2, 1.32, 1.45, 1.6, 1.8],
  lineHeight: [0, 1.5, 1.75, 2, 2.3],
  width: [0, 560, 800, 960, 1120],
} as const;
export const READING_FACES: readonly ReadingFace[] = ['page', 'serif', 'sans'];

const FACE_STACK: Record<Exclude<ReadingFace, 'page'>, string> = {
  serif: '"Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, Georgia, serif',
  sans: 'system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif',
};

type Stepped = keyof typeof READING_STEPS;
const stepOf = (k: Stepped, v: unknown): number => ((READING_STEPS[k] as readonly number[]).includes(v as number) ? (v as number) : READING_OFF[k]);

/** A stored (or synced from a newer version) value, each field one of its steps, else as the page. */
export function validReading(raw: unknown): ReadingStyle {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return { size: stepOf('size', r.size), lineHeight: stepOf('lineHeight', r.lineHeight), width: stepOf('width', r.width), face: READING_FACES.includes(r.face as ReadingFace) ? (r.face as ReadingFace) : 'page' };
}

/** The next step up (+1) or down (-1) of a control; the same value at either end. */
export function stepReading(style: ReadingStyle, k: Stepped, by: 1 | -1): ReadingStyle {
  const steps = READING_STEPS[k] as readonly number[];
  const at = Math.max(0, steps.indexOf(style[k]));
  return { ...style, [k]: steps[Math.min(steps.length - 1, Math.max(0, at + by))]! };
}

export const isReadingOff = (r: ReadingStyle): boolean => r.size === 1 && !r.lineHeight && !r.width && r.face === 'page';

/** The page's style sheet for the reader's choice; '' when it is all "as the page". Code keeps its face. */
export function readingCss(r: ReadingStyle): string {
  const rules: string[] = [];
  if (r.size !== 1) rules.push(`#js_content { zoom: ${r.size} !important; }`);
  if (r.lineHeight) rules.push(`#js_content, #js_content :is(p, section, span, li, blockquote, div, strong, em, h1, h2, h3, h4, h5, h6) { line-height: ${r.lineHeight} !important; }`);
  if (r.face !== 'page') rules.push(`#js_content, #js_content :not(pre, code, pre *, code *) { font-family: ${FACE_STACK[r.face]} !important; }`);
  if (r.width) rules.push(`.rich_media_area_primary_inner, .rich_media_area_extra_inner { max-width: ${r.width}px !important; }`);
  return rules.join('\n');
}
