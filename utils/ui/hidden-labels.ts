/** How the reader is told what was hidden: the tally (toolbar, menu, popup) and each block's kind (the reveal). */
import { kindKey, type HiddenKind } from '../clean/hidden-kinds';
import { t } from './i18n';

/** "推广 7 处，装饰 6 处" / "promotion 7, decoration 6": the kinds there are, promotion alone when none is. */
export function tallyText(c: { promotion: number; decoration: number }): string {
  const parts = [c.promotion > 0 || c.decoration === 0 ? t('tallyPromotion', c.promotion) : '', c.decoration > 0 ? t('tallyDecoration', c.decoration) : ''].filter(Boolean);
  return parts.length === 2 ? t('tallyBoth', parts[0]!, parts[1]!) : parts[0]!;
}

export const kindName = (kind: HiddenKind): string => t(kindKey(kind));
