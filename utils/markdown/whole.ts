import type TurndownService from 'turndown';

/**
 * Rules whose Markdown comes from the element itself, not from its converted children: code blocks,
 * formulas, media cards, complex tables, dropped elements. Turndown converts every child before it
 * calls a rule's replacement, so a code block's hundreds of <span> and <br> would each pass every
 * rule only to be thrown away (on 05, a page of code, most of the conversion time). Turndown does
 * ask the filter first: there the element is converted whole and emptied (in the extracted copy,
 * never the page).
 */
export type WholeStep =
  | { test: (el: Element) => boolean; markdown: (el: Element) => string }
  /** Not whole, even if a later step matches: an unknown embed keeps the text it wraps. */
  | { test: (el: Element) => boolean; pass: true };

/** The element's Markdown by the first step that matches it; undefined when none converts it whole. */
export function wholeMarkdown(el: Element, steps: readonly WholeStep[]): string | undefined {
  const step = steps.find((s) => s.test(el));
  return step && 'markdown' in step ? step.markdown(el) : undefined;
}

/** One Turndown rule for all the steps. Add it last: Turndown asks the last-added rule first. */
export function wholeRule(td: TurndownService, steps: readonly WholeStep[]): void {
  const converted = new WeakMap<Node, string>();
  td.addRule('wechatWhole', {
    filter: (node) => {
      const md = node.nodeType === 1 ? wholeMarkdown(node as Element, steps) : undefined;
      if (md === undefined) return false;
      converted.set(node, md);
      node.replaceChildren();
      return true;
    },
    replacement: (_c, node) => converted.get(node) ?? '',
  });
}
