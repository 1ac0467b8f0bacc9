/** The toolbar's "More" menu button (see ../toolbar-actions.ts), by accessible name in both languages. */
export const TOOLBAR_MORE = /更多|More/;

/** The accessible name of a toolbar control from its aria-label or text, whitespace collapsed. */
export const accessibleNameOf = (labelOrText: string) => labelOrText.replace(/\s+/g, ' ').trim();
