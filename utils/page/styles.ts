/**
 * How a WeChat page writes emphasis in inline styles. Read by the extraction (which wrappers to keep), the
 * section titles (a bold paragraph) and the converter (bold and italic spans): the page's fact, below them all.
 * The inline styles read as bold and italic (on a span): `font-weight: normal` is neither.
 */
export const BOLD_STYLE = /font-weight\s*:\s*(bold|bolder|[6-9]00)/i;
export const ITALIC_STYLE = /font-style\s*:\s*italic/i;
