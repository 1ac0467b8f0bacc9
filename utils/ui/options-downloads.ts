/**
 * The options page's "Downloads subfolder" section: what it does, whether the optional `downloads`
 * permission is granted, and one button that asks for it. Choosing this destination in the chooser
 * asks too, inside that same user action (the browser only asks during one).
 */
import { browser } from 'wxt/browser';
import { DOWNLOADS_PERMISSION, hasDownloadsPermission } from '../deliver/downloads/permission';
import { t } from './i18n';

export function renderDownloadsOption(section: HTMLElement, chooser: HTMLSelectElement | null): void {
  const status = document.createElement('p');
  status.id = 'dlf-status';
  status.setAttribute('role', 'status');
  const grant = document.createElement('button');
  grant.type = 'button';
  grant.id = 'dlf-grant';
  grant.textContent = t('dlfGrant');
  section.append(status, grant);

  const show = async () => {
    const granted = await hasDownloadsPermission();
    status.textContent = granted ? t('dlfGranted') : t('dlfNotGranted');
    status.dataset.granted = String(granted);
    grant.hidden = granted;
  };
  const ask = () => {
    // Called synchronously in the click: the permission prompt needs the user's gesture.
    browser.permissions.request(DOWNLOADS_PERMISSION).then(
      (ok) => (ok ? show() : void (status.textContent = t('dlfRefused'))),
      (e: Error) => void (status.textContent = `${t('dlfRefused')} (${e.message})`),
    );
  };
  grant.addEventListener('click', ask);
  chooser?.addEventListener('change', () => {
    if (chooser.value === 'downloads-folder' && status.dataset.granted !== 'true') ask();
  });
  browser.permissions.onAdded?.addListener(() => void show());
  browser.permissions.onRemoved?.addListener(() => void show());
  void show();
}
