/** What the options page says when a setting could not be saved (it was silent before). */
import { isQuotaError } from '../settings/store';
import { t } from './i18n';

export const saveFailedText = (e: unknown): string => t(isQuotaError(e) ? 'optSaveTooBig' : 'optSaveFailed', (e as Error)?.message ?? String(e));
