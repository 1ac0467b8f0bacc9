/**
 * A host element with a closed shadow root holding its own <style>: our controls on the page (the
 * "not promotion" tags, the highlight layer, the primary button's icon) live in one, so a page
 * script cannot reach them through host.shadowRoot and the page's CSS cannot restyle them.
 */
export function closedHost(doc: Document, tag: string, css: string): { host: HTMLElement; shadow: ShadowRoot } {
  const host = doc.createElement(tag);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = css;
  shadow.append(style);
  return { host, shadow };
}
