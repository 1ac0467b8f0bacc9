/**
 * Obsidian's own addresses (help.obsidian.md/uri). Every value is percent-encoded with
 * encodeURIComponent: Obsidian asks for `/` as %2F and spaces as %20 (never `+`).
 */
const enc = encodeURIComponent;
const withoutMd = (path: string) => path.replace(/\.md$/i, '');

/** Opens a note that is in the vault already: `file` is its path from the vault's root. */
export const obsidianOpenUrl = (vault: string, path: string): string => `obsidian://open?vault=${enc(vault)}&file=${enc(withoutMd(path))}`;

/**
 * Makes a note from the clipboard, as Obsidian Web Clipper does: a long note does not fit in an
 * address, the clipboard has no such limit. No vault: the one Obsidian has open.
 */
export const obsidianNewUrl = (vault: string, path: string): string =>
  `obsidian://new?${vault ? `vault=${enc(vault)}&` : ''}file=${enc(withoutMd(path))}&clipboard`;
