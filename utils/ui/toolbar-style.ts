import { CONTROL_WIDTH, EDGE_GAP, TAB_WIDTH } from './toolbar-place';

/**
 * The toolbar's style: it lives in the shadow root only, so the page's CSS cannot reach it and it
 * cannot reach the page (the slotted primary button excepted: !important rules hold it). Colours are
 * variables, set for light and dark on the root's data-theme.
 */
export const TOOLBAR_CSS = `
:host { all: initial; }
.wac-root { --bg: #fff; --fg: #222; --muted: #666; --line: #d9d9d9; --accent: #07c160; --accent-fg: #06ad56; --hover: #eefaf3;
  --error: #c0392b; --promo: #fa5151; --shadow: 0 2px 10px rgba(0,0,0,.14); --focus: #1677ff;
  position: fixed; right: ${EDGE_GAP}px; bottom: 16px; z-index: 2147483646; display: flex; flex-direction: column-reverse;
  align-items: flex-end; gap: 8px; max-height: calc(100vh - 32px); pointer-events: none;
  font: 13px/1.4 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; color: var(--fg); }
.wac-root[data-theme="dark"] { --bg: #262626; --fg: #e8e8e8; --muted: #a6a6a6; --line: #444; --accent: #07c160; --accent-fg: #3dd68c;
  --hover: #1f3a2b; --error: #ff7b6b; --promo: #ff7b6b; --shadow: 0 2px 10px rgba(0,0,0,.5); --focus: #69b1ff; }
.wac-root > * { pointer-events: auto; }
.wac-root button { font: inherit; color: inherit; cursor: pointer; margin: 0; }
.wac-root button:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
/* Inside the control and the menu the ring is drawn inward, so it stays within their boxes (and off the text). */
.wac-control button:focus-visible, .wac-menuitem:focus-visible { outline-offset: -2px; }
.wac-root button:disabled { opacity: .5; cursor: progress; }
.wac-sr { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.wac-control { display: flex; flex-direction: column; width: ${CONTROL_WIDTH}px; box-sizing: border-box; background: var(--bg);
  border: 1px solid var(--line); border-radius: 10px; box-shadow: var(--shadow); }
.wac-control button { display: flex; align-items: center; justify-content: center; width: 100%; height: 34px; padding: 0;
  border: 0; background: transparent; color: var(--accent-fg); border-radius: 9px; }
.wac-control button:hover { background: var(--hover); }
.wac-control .wac-more { height: 26px; color: var(--muted); }
.wac-control { --wac-icon: 22px; }
.wac-control svg { width: 22px; height: 22px; fill: currentColor; }
.wac-control .wac-more svg { width: 18px; height: 18px; }
.wac-root[data-busy="true"] { --wac-pulse: running; }
/* What was hidden, on the closed control: promotion marked as the reveal outlines it (dashed), decoration as a divider. */
.wac-control .wac-count { flex-direction: column; gap: 1px; height: auto; min-height: 24px; padding: 3px 0; border-radius: 0;
  border-top: 1px solid var(--line); border-bottom: 1px solid var(--line); color: var(--fg);
  font-size: 12px; line-height: 14px; font-variant-numeric: tabular-nums; }
.wac-count-part { display: flex; align-items: center; gap: 3px; }
.wac-count-part::before { content: ""; box-sizing: border-box; width: 8px; height: 8px; }
.wac-count-part[data-kind="promotion"]::before { border: 1.5px dashed var(--promo); border-radius: 2px; }
.wac-count-part[data-kind="decoration"] { color: var(--muted); }
.wac-count-part[data-kind="decoration"]::before { height: 2px; background: currentColor; border-radius: 1px; }
.wac-control .wac-count[aria-pressed="true"] { background: var(--hover); }
.wac-root[data-mode="tab"] .wac-control:not(:hover):not(:focus-within) .wac-count { font-size: 9px; }
.wac-root[data-mode="tab"] .wac-control:not(:hover):not(:focus-within) .wac-count-part::before { display: none; }
/* "Download Markdown" is in the page's DOM, slotted here (toolbar.ts): only !important rules of this root beat the page's. */
::slotted(button) { all: unset !important; display: flex !important; align-items: center !important; justify-content: center !important;
  box-sizing: border-box !important; width: 100% !important; height: 34px !important; margin: 0 !important; padding: 0 !important;
  border: 0 !important; border-radius: 9px !important; background: transparent !important; color: var(--accent-fg) !important;
  cursor: pointer !important; visibility: visible !important; opacity: 1 !important; pointer-events: auto !important; }
::slotted(button:hover) { background: var(--hover) !important; }
::slotted(button:focus-visible) { outline: 2px solid var(--focus) !important; outline-offset: -2px !important; }
::slotted(button:disabled) { opacity: .5 !important; cursor: progress !important; }
.wac-root[data-mode="tab"] { right: 0; }
.wac-root[data-mode="tab"] .wac-control { width: ${TAB_WIDTH}px; border-right: 0; border-radius: 8px 0 0 8px; transition: width .15s; }
.wac-root[data-mode="tab"] .wac-control { --wac-icon: 14px; }
.wac-root[data-mode="tab"] .wac-control svg { width: 14px; height: 14px; }
.wac-root[data-mode="tab"] .wac-control:hover, .wac-root[data-mode="tab"] .wac-control:focus-within { width: ${CONTROL_WIDTH}px; --wac-icon: 22px; }
.wac-root[data-mode="tab"] .wac-control:hover svg, .wac-root[data-mode="tab"] .wac-control:focus-within svg { width: 22px; height: 22px; }
.wac-menu { display: flex; flex-direction: column; gap: 2px; padding: 4px; box-sizing: border-box; width: max-content;
  max-width: min(320px, calc(100vw - 24px), max(220px, var(--wac-room, 320px)));
  min-height: 0; overflow-y: auto; background: var(--bg); border: 1px solid var(--line); border-radius: 10px; box-shadow: var(--shadow); }
.wac-menu[hidden], .wac-feedback[hidden], .wac-feedback-actions[hidden], .wac-menuitem[hidden], .wac-control button[hidden] { display: none; }
/* Labels always lie flat: a long one wraps (an album's name is shortened, see setItemLabel). Where the margin is
   narrower than the menu, the open menu lies over the page, leftwards from the control, until it closes. */
.wac-menuitem { display: block; text-align: start; white-space: normal; overflow-wrap: anywhere; border: 0;
  background: transparent; padding: 6px 10px; border-radius: 6px; }
.wac-menuitem:hover, .wac-menuitem:focus { background: var(--hover); color: var(--accent-fg); }
::slotted(button[data-unavailable="true"]) { opacity: .45 !important; cursor: not-allowed !important; }
.wac-feedback { display: flex; align-items: flex-start; gap: 6px; box-sizing: border-box;
  max-width: min(calc(100vw - 24px), max(200px, min(340px, var(--wac-room, 340px))));
  padding: 8px 10px; background: var(--bg); border: 1px solid var(--line); border-radius: 10px; box-shadow: var(--shadow);
  transition: opacity var(--fade, .4s); }
.wac-feedback.wac-fading { opacity: 0; }
.wac-status { flex: 1; min-width: 0; font-size: 12px; white-space: pre-wrap; word-break: break-word; max-height: 180px; overflow: auto;
  user-select: text; -webkit-user-select: text; cursor: text; }
.wac-status.error { color: var(--error); }
.wac-status.ok { color: var(--accent-fg); }
.wac-feedback-actions { display: flex; gap: 4px; flex: none; }
.wac-feedback-actions button { border: 1px solid var(--line); background: transparent; border-radius: 6px; padding: 1px 6px; font-size: 12px; }
.wac-feedback-actions button:hover { background: var(--hover); }
.wac-panels { display: flex; flex-direction: column; gap: 8px; align-items: flex-end; max-width: min(360px, calc(100vw - 24px)); }
.wac-panels:empty { display: none; }
`;
