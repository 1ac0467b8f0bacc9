import type TurndownService from 'turndown';
import { emphasisWorks, firstChar, lastChar, splitEdges } from './flanking';
import { BOLD_STYLE, ITALIC_STYLE } from '../page/styles';

const INLINE_PARENT = /^(SPAN|A|B|STRONG|EM|I|U|FONT|SUB|SUP|CODE|S|DEL|MARK|LABEL)$/;

/** The character the output will have just before/after this node (approximated from the DOM). */
function neighbourChar(node: Node, dir: 'before' | 'after'): string {
  let n: Node | null = node;
  const sib = (x: Node) => (dir === 'before' ? x.previousSibling : x.nextSibling);
  while (n && !sib(n) && n.parentNode && INLINE_PARENT.test(n.parentNode.nodeName)) n = n.parentNode;
  const s = n ? sib(n) : null;
  const t = s?.textContent ?? '';
  if (!s) return '';
  return dir === 'before' ? lastChar(t) : firstChar(t);
}

function isBold(node: Node): boolean {
  const el = node as HTMLElement;
  return node.nodeName === 'STRONG' || node.nodeName === 'B' || (node.nodeName === 'SPAN' && BOLD_STYLE.test(el.getAttribute?.('style') ?? ''));
}
function isItalic(node: Node): boolean {
  const el = node as HTMLElement;
  return node.nodeName === 'EM' || node.nodeName === 'I' || (node.nodeName === 'SPAN' && ITALIC_STYLE.test(el.getAttribute?.('style') ?? ''));
}

function hasAncestor(node: Node, test: (n: Node) => boolean): boolean {
  for (let p = node.parentNode; p; p = p.parentNode) if (test(p)) return true;
  return false;
}

function wrap(delim: string, test: (n: Node) => boolean) {
  return (content: string, node: Node): string => {
    // Headings are bold already; nested emphasis of the same kind would double the markers.
    if (hasAncestor(node, (n) => test(n) || /^H[1-6]$/.test(n.nodeName)) || content.trim() === '' || content.includes('\n\n')) return content;
    const [lead, core, trail] = splitEdges(content);
    if (core === '') return content;
    const before = lead ? lastChar(lead) : neighbourChar(node, 'before');
    const after = trail ? firstChar(trail) : neighbourChar(node, 'after');
    // Markers that would not render are worse than none: readers would see stray asterisks.
    if (!emphasisWorks(before, core, after)) return content;
    return `${lead}${delim}${core}${delim}${trail}`;
  };
}

/** Bold and italic that render in CommonMark next to CJK punctuation (golden/README.md). */
export function emphasisRules(td: TurndownService): void {
  td.addRule('wechatStrong', { filter: (n) => isBold(n), replacement: wrap('**', isBold) });
  td.addRule('wechatEm', { filter: (n) => isItalic(n) && !isBold(n), replacement: wrap('*', isItalic) });
}
