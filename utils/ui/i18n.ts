import { browser } from 'wxt/browser';

/** A UI string in the browser's language (public/_locales); the key itself if it is missing. */
export function t(key: string, ...subs: (string | number)[]): string {
  try {
    return browser.i18n.getMessage(key as never, subs.map(String)) || key;
  } catch {
    return key;
  }
}

/** Fills every element with data-i18n="key" (popup and options pages). */
export function localizePage(doc: Document): void {
  doc.documentElement.lang = t('@@ui_locale').replace('_', '-');
  for (const el of Array.from(doc.querySelectorAll<HTMLElement>('[data-i18n]'))) el.textContent = t(el.dataset.i18n ?? '');
}
