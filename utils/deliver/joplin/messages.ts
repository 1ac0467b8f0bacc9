import { JoplinError } from './client';
import { t } from '../../ui/i18n';

/** What to tell the reader for a failed Joplin call: what happened and what to do about it. */
export function joplinProblem(e: unknown, port: number): string {
  if (!(e instanceof JoplinError)) return t('joplinServerError', (e as Error)?.message ?? String(e));
  switch (e.kind) {
    case 'unreachable':
      return t('joplinNotRunning', port);
    case 'token':
      return t('joplinBadToken');
    case 'notebook':
      return t('joplinNoNotebook');
    default:
      return t('joplinServerError', e.message);
  }
}
