import type { WholeStep } from './whole';

/**
 * Formulas: `<span data-formula="LaTeX" data-formula-type="inline-equation|block-equation">`
 * around an SVG image (DOM-NOTES §10). The LaTeX may be URI-encoded and start with a stray \small.
 */
export function formulaLatex(el: Element): string {
  let tex = el.getAttribute('data-formula') ?? '';
  if (/%[0-9A-Fa-f]{2}/.test(tex)) {
    try {
      tex = decodeURIComponent(tex);
    } catch {
      /* not encoded after all */
    }
  }
  // `<` and `>` are \lt and \gt in TeX; left raw they could open HTML tags in the note.
  return tex
    .replace(/^\s*\\small\b\s*/, '')
    .replace(/</g, '\\lt ')
    .replace(/>/g, '\\gt ')
    .replace(/\$/g, '\\$')
    .trim();
}

export const formula: WholeStep = {
  test: (el) => el.hasAttribute('data-formula'),
  markdown: (el) => {
    const tex = formulaLatex(el);
    if (!tex) return '';
    const block = el.getAttribute('data-formula-type') === 'block-equation';
    return block ? `\n\n$$\n${tex}\n$$\n\n` : `$${tex}$`;
  },
};
