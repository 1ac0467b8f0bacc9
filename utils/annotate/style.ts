/**
 * The highlights' look. ::highlight() rules must be in the page's own style sheets (a shadow root's
 * do not reach the article), so one small <style> at our id goes into the head, as the cleaner's does.
 * Light and dark: the system's scheme and WeChat's own dark class (ui/toolbar-theme.ts).
 */
import { WECHAT_DARK_CLASS } from '../ui/toolbar-theme';

export const PAGE_STYLE_ID = 'wac-highlight-style';
export const HIGHLIGHT_NAMES = { plain: 'wac-hl', noted: 'wac-hl-noted' } as const;

const light = 'background-color: rgba(255, 214, 10, .45);';
const dark = 'background-color: rgba(214, 160, 0, .45);';
const noted = 'text-decoration: underline dotted 2px; text-underline-offset: 3px; text-decoration-color: #c98a00;';

export const PAGE_HIGHLIGHT_CSS = `
::highlight(${HIGHLIGHT_NAMES.plain}), ::highlight(${HIGHLIGHT_NAMES.noted}) { ${light} }
::highlight(${HIGHLIGHT_NAMES.noted}) { ${noted} }
html.${WECHAT_DARK_CLASS} ::highlight(${HIGHLIGHT_NAMES.plain}), html.${WECHAT_DARK_CLASS} ::highlight(${HIGHLIGHT_NAMES.noted}) { ${dark} }
@media (prefers-color-scheme: dark) {
  ::highlight(${HIGHLIGHT_NAMES.plain}), ::highlight(${HIGHLIGHT_NAMES.noted}) { ${dark} }
}
`;

/** The floating control and note editor, inside their closed shadow root. */
export const HIGHLIGHT_UI_CSS = `
:host { all: initial; }
.wac-hl { --bg: #fff; --fg: #222; --muted: #666; --line: #d9d9d9; --accent: #b07800; --hover: #fff6d6; --focus: #1677ff;
  --shadow: 0 2px 10px rgba(0,0,0,.16);
  position: fixed; z-index: 2147483646; display: flex; gap: 4px; padding: 4px; max-width: min(360px, calc(100vw - 16px));
  box-sizing: border-box; background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 10px;
  box-shadow: var(--shadow); font: 13px/1.4 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; }
.wac-hl[data-theme="dark"] { --bg: #262626; --fg: #e8e8e8; --muted: #a6a6a6; --line: #444; --accent: #ffc53d; --hover: #3a3220;
  --focus: #69b1ff; --shadow: 0 2px 10px rgba(0,0,0,.5); }
.wac-hl[hidden] { display: none; }
.wac-hl[data-mode="edit"] { flex-direction: column; width: 320px; padding: 10px; gap: 8px; }
.wac-hl button { font: inherit; color: var(--accent); background: transparent; border: 0; border-radius: 7px; padding: 6px 10px;
  cursor: pointer; margin: 0; white-space: nowrap; }
.wac-hl button:hover { background: var(--hover); }
.wac-hl button:focus-visible, .wac-hl textarea:focus-visible { outline: 2px solid var(--focus); outline-offset: 1px; }
.wac-hl blockquote { margin: 0; padding-left: 8px; border-left: 3px solid var(--accent); color: var(--muted); }
.wac-hl-label { display: flex; flex-direction: column; gap: 4px; color: var(--muted); }
.wac-hl textarea { font: inherit; color: var(--fg); background: transparent; border: 1px solid var(--line); border-radius: 6px;
  padding: 6px; resize: vertical; min-height: 4em; }
.wac-hl-row { display: flex; gap: 4px; justify-content: flex-end; flex-wrap: wrap; }
.wac-hl-remove { color: var(--muted) !important; }
`;
