/** Offers `data` as a JSON file to save (the options page's and the highlights page's exports). */
export function downloadJson(doc: Document, fileName: string, data: unknown): void {
  const a = doc.createElement('a');
  a.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
