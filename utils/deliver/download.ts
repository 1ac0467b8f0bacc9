/** A file download started from the page: no `downloads` permission needed. */

export function downloadBlob(doc: Document, fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  (doc.body ?? doc.documentElement).appendChild(a);
  a.click();
  a.remove();
  // Revoke later: the download may not have started reading the blob yet.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadText(doc: Document, fileName: string, text: string): void {
  downloadBlob(doc, fileName, new Blob([text], { type: 'text/markdown;charset=utf-8' }));
}
