/**
 * A file download started from the page: no `downloads` permission needed. The anchor is never put
 * into the page's DOM: a click on a detached anchor reaches no listener of the page, which could
 * otherwise read the blob: address (and so the note's or the ZIP's bytes) or cancel the save while
 * the toolbar said "downloaded". The address is given back once the browser has started reading it.
 */

/** Long enough for the browser to open the blob (Firefox reads it after the click returns), short enough not to linger. */
const REVOKE_MS = 10_000;

export function downloadBlob(doc: Document, fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_MS);
}

export function downloadText(doc: Document, fileName: string, text: string): void {
  downloadBlob(doc, fileName, new Blob([text], { type: 'text/markdown;charset=utf-8' }));
}
