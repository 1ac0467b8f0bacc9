/** What a failed write into the folder means for the reader, by the DOMException the browser threw. */
import { t } from '../../ui/i18n';

export function folderError(e: unknown, folder: string): string {
  const name = e instanceof DOMException ? e.name : '';
  if (name === 'NotFoundError') return t('folderGone', folder);
  if (name === 'QuotaExceededError') return t('folderFull', folder);
  if (name === 'NotAllowedError' || name === 'SecurityError') return t('folderDenied', folder);
  if (name === 'NoModificationAllowedError') return t('folderLocked', folder);
  return t('folderWriteFailed', folder, (e as Error)?.message || String(e));
}
