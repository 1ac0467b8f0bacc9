/**
 * Where the toolbar goes: in the free margin right of the article's text column when the window
 * leaves room for it, else as a thin tab at the edge. Pure numbers in, a placement out, so the
 * rule is tested without a layout engine; `articleColumn` reads the numbers from the page.
 */

/** Width of the control (its two buttons) when docked in the margin. */
export const CONTROL_WIDTH = 36;
/** Width of the collapsed tab. */
export const TAB_WIDTH = 18;
/** Least space kept between the toolbar and the text, and between it and the window's edge. */
export const MIN_GAP = 6;
/** The edge offset the control takes when the margin is generous. */
export const EDGE_GAP = 16;

export interface Column {
  left: number;
  right: number;
}

export interface Placement {
  /** 'dock': the full control in the margin; 'tab': collapsed to a thin tab at the edge. */
  mode: 'dock' | 'tab';
  /** Distance of the control from the window's right edge. */
  right: number;
  /** Free width right of the text column (the whole window when no column was found). */
  free: number;
}

/**
 * e.g. a window of 1009 px (scrollbar off) with the text in 166..843: free 166, docked 16 px from the
 * edge. At 785 px with the text in 54..731: free 54, docked 9 px from the edge. At 700 px with text
 * in 12..688: free 12, a tab.
 */
export function placeControl(viewport: number, column: Column | null): Placement {
  const free = column ? Math.max(0, viewport - column.right) : viewport;
  const room = free - CONTROL_WIDTH;
  if (room < 2 * MIN_GAP) return { mode: 'tab', right: 0, free };
  return { mode: 'dock', right: Math.min(EDGE_GAP, Math.floor(room / 2)), free };
}

/** The article's elements, text first; the first one the page has with a box is the column. */
const COLUMN_SELECTORS = ['#js_content', '.rich_media_area_primary_inner', '#img-content'];

/** The horizontal extent of the article's text column, or null on a page without one. */
export function articleColumn(doc: Document): { column: Column; element: Element } | null {
  for (const sel of COLUMN_SELECTORS) {
    const el = doc.querySelector(sel);
    if (!el) continue;
    const r = el.getBoundingClientRect();
    // Its box, not its scrollWidth: an image or table wider than the column would push the toolbar
    // into a tab on every page that has one, for the few lines that overflow.
    if (r.width > 0) return { column: { left: r.left, right: r.right }, element: el };
  }
  return null;
}
