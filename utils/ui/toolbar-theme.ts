/**
 * Light or dark, as the page is: the system's `prefers-color-scheme`, or WeChat's own dark mode,
 * which its Darkmode script turns on by adding this class to <html> (see the corpus pages' scripts:
 * `"dark"===e.mode&&document.getElementsByTagName("html")[0].classList.add("data_color_scheme_dark")`).
 */
export const WECHAT_DARK_CLASS = 'data_color_scheme_dark';

export type Theme = 'light' | 'dark';

export function pageTheme(doc: Document): Theme {
  const marked = [doc.documentElement, doc.body].some((el) => el?.classList.contains(WECHAT_DARK_CLASS));
  const win = doc.defaultView;
  const system = win?.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  return marked || system ? 'dark' : 'light';
}

/** Calls back with the theme now and whenever the page or the system changes it. */
export function followTheme(doc: Document, apply: (theme: Theme) => void): void {
  const update = () => apply(pageTheme(doc));
  update();
  const observer = new MutationObserver(update);
  for (const el of [doc.documentElement, doc.body]) if (el) observer.observe(el, { attributes: true, attributeFilter: ['class'] });
  doc.defaultView?.matchMedia?.('(prefers-color-scheme: dark)').addEventListener?.('change', update);
}
