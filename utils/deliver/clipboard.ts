/** The note onto the clipboard. */

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
