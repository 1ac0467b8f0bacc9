/** Getting the result to the user: a file download from the page, or the clipboard. */

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

/** Clipboard API first; the old execCommand path where the page is not focused (shortcut, menu). */
export async function copyText(doc: Document, text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    const ta = doc.createElement('textarea');
    ta.value = text;
    ta.style.cssText = 'position:fixed;left:-9999px;top:0';
    (doc.body ?? doc.documentElement).appendChild(ta);
    ta.select();
    const ok = doc.execCommand('copy');
    ta.remove();
    if (!ok) throw new Error('The browser refused to write to the clipboard.');
  }
}
