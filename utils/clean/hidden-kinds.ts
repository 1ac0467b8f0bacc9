/**
 * What a hidden block is, said to the reader: the reveal names each block's kind, and the toolbar
 * counts promotion apart from decoration (06: 7 blocks of recommended articles and 6 dividers and
 * title ornaments are not "13 promotions"). Pure: read from the detector's own family and the block.
 */
import type { HiddenBlock, HiddenReason } from './memory';
import { isQrLikeImage } from './promotion';

export type HiddenKind = HiddenReason | 'qr-code';

/** The editor's own furniture asks nothing of the reader: counted as decoration, not promotion. */
const DECORATION_REASONS: ReadonlySet<HiddenReason> = new Set(['decoration', 'hint']);

export const isDecoration = (reason: HiddenReason): boolean => DECORATION_REASONS.has(reason);

const hasText = (el: Element) => /[^\s\u00a0\u200b]/.test(el.textContent ?? '');

interface KindRule {
  kind: HiddenKind;
  test(block: HiddenBlock): boolean;
  example: string;
  counter: string;
}

/** Kinds more telling than the family that hid the block; otherwise the kind is the family itself. */
export const KIND_RULES: readonly KindRule[] = [
  {
    kind: 'qr-code',
    // Pictures alone, one square: what a QR code looks like (isQrLikeImage reads the editor's data-ratio).
    // Not in a list of other articles: their covers are square too.
    test: (b) => !isDecoration(b.reason) && b.reason !== 'recommend' && !hasText(b.el) && isQrLikeImage(b.el),
    example: '31: the square picture under 欢迎长按下图 -> 识别图中二维码, after the closing asks',
    counter: "30: a square picture after 往期精彩回顾 is an article's cover: recommended articles",
  },
];

export function kindOf(block: HiddenBlock): HiddenKind {
  return KIND_RULES.find((r) => r.test(block))?.kind ?? block.reason;
}

/** How many hidden blocks are promotion and how many decoration. */
export function tally(hidden: readonly HiddenBlock[]): { promotion: number; decoration: number } {
  const decoration = hidden.filter((b) => isDecoration(b.reason)).length;
  return { promotion: hidden.length - decoration, decoration };
}

/** The i18n key of a kind's short name (public/_locales: kind_qr_code, kind_recommend, …). */
export const kindKey = (kind: HiddenKind): string => `kind_${kind.replace(/-/g, '_')}`;
