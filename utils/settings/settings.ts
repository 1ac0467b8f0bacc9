import { FRONT_MATTER_FIELDS, type FrontMatterField } from '../markdown/front-matter';
import { PROMO_FAMILIES, type PromoFamily } from '../clean/promotion';

export type ImageMode = 'remote' | 'zip' | 'base64';

export interface Settings {
  /** What "Download" does with images by default (the toolbar also offers the ZIP directly). */
  imageMode: ImageMode;
  /** {title}, {account}, {date} */
  fileNameTemplate: string;
  frontMatterFields: FrontMatterField[];
  cleanByDefault: boolean;
  /** Promotion families to hide on the page and leave out of the export. */
  hidePromotion: Record<PromoFamily, boolean>;
  /** Learn each account's boilerplate (blocks repeated at the head or tail of its articles). */
  learnPromotion: boolean;
  /** A batch waits between articles, a random time in this range (ms): WeChat stops clients that hurry. */
  batchPauseMinMs: number;
  batchPauseMaxMs: number;
  /** A batch gives up on a request after this long, and waits this long before its first retry (doubled each time). */
  batchTimeoutMs: number;
  batchBackoffMs: number;
}

export const DEFAULT_SETTINGS: Settings = {
  imageMode: 'remote',
  fileNameTemplate: '{title}',
  frontMatterFields: [...FRONT_MATTER_FIELDS],
  cleanByDefault: true,
  hidePromotion: Object.fromEntries(PROMO_FAMILIES.map((f) => [f, true])) as Record<PromoFamily, boolean>,
  learnPromotion: true,
  batchPauseMinMs: 1000,
  batchPauseMaxMs: 3000,
  batchTimeoutMs: 30_000,
  batchBackoffMs: 2000,
};

/** Settings read from storage may be old or partial: fill what is missing from the defaults. */
export function withDefaults(stored: Partial<Settings> | null | undefined): Settings {
  const s = stored ?? {};
  return {
    ...DEFAULT_SETTINGS,
    ...s,
    frontMatterFields: Array.isArray(s.frontMatterFields) ? s.frontMatterFields : [...DEFAULT_SETTINGS.frontMatterFields],
    hidePromotion: { ...DEFAULT_SETTINGS.hidePromotion, ...(s.hidePromotion ?? {}) },
  };
}

export function enabledFamilies(settings: Settings): Set<PromoFamily> {
  return new Set(PROMO_FAMILIES.filter((f) => settings.hidePromotion[f]));
}
