/**
 * The reader's own input only. A page script (or another extension's content script) can call
 * .click() on any element it reaches or dispatch key events; the browser marks those untrusted, so
 * every handler of our in-page UI that acts goes through this and ignores them.
 */
export function trusted<E extends Event>(handler: (e: E) => void): (e: E) => void {
  return (e) => {
    if (e.isTrusted) handler(e);
  };
}
