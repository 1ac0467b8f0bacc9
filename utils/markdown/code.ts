import type { WholeStep } from './whole';

/**
 * Code blocks. WeChat has two kinds (DOM-NOTES §5, §10):
 * - mdnice `<pre><span class=mac-bar/><code>line<br>line</code></pre>`: lines split by <br>, so a
 *   plain textContent would run them together;
 * - the native snippet `section.code-snippet__fix > ul.code-snippet__line-index + pre[data-lang]`,
 *   one <code> per line; the numbers in the <ul> are not code.
 */

function textWithBreaks(node: Node): string {
  let out = '';
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) out += (child as Text).data;
    else if (child.nodeName === 'BR') out += '\n';
    else if (child.nodeType === 1) {
      const inner = textWithBreaks(child);
      // Block children (a <p> or <div> per line in some editors) end their line.
      out += /^(P|DIV|LI)$/.test(child.nodeName) && !inner.endsWith('\n') ? `${inner}\n` : inner;
    }
  }
  return out;
}

function languageOf(el: Element): string {
  const fromAttr = el.getAttribute('data-lang') ?? el.querySelector('[data-lang]')?.getAttribute('data-lang');
  if (fromAttr) return fromAttr.trim();
  for (const c of [el, ...Array.from(el.querySelectorAll('code'))]) {
    const m = /(?:^|\s)(?:language|lang)-([\w+#-]+)/.exec(c.className);
    if (m) return m[1]!;
  }
  return '';
}

function codeText(el: Element): string {
  const pre = el.matches('pre') ? el : el.querySelector('pre') ?? el;
  const codes = Array.from(pre.children).filter((c) => c.nodeName === 'CODE');
  const text =
    codes.length > 1
      ? codes.map((c) => textWithBreaks(c).replace(/\n$/, '')).join('\n') // native snippet: one <code> per line
      : textWithBreaks(pre);
  return text.replace(/\u00a0/g, ' ').replace(/\r\n?/g, '\n').replace(/^\n+|\s+$/g, '');
}

// A fence's info string is page text (data-lang): a backtick in it would end the fence before it
// starts, and the code would render as Markdown and HTML. A language name is these characters.
const INFO = /^[\w+#.-]+/;

export function fence(code: string, lang: string): string {
  const longest = Math.max(2, ...Array.from(code.matchAll(/`+/g), (m) => m[0].length));
  const f = '`'.repeat(longest + 1);
  return `\n\n${f}${INFO.exec(lang.trim())?.[0] ?? ''}\n${code}\n${f}\n\n`;
}

// A class test, not matches(): the converter asks it of every element. The attribute's text first:
// classList makes a token list for each element asked, most of which have no such class.
const isSnippet = (el: Element | null) => !!el?.getAttribute('class')?.includes('code-snippet__fix') && el.classList.contains('code-snippet__fix');

export const codeBlock: WholeStep = {
  test: (el) => isSnippet(el) || (el.nodeName === 'PRE' && !isSnippet(el.parentElement)),
  markdown: (el) => {
    const code = codeText(el);
    return code ? fence(code, languageOf(el)) : '';
  },
};
