/** Offers `data` as a JSON file to save (the options page's and the highlights page's exports). */
export function downloadJson(doc: Document, fileName: string, data: unknown): void {
  const a = doc.createElement('a');
  a.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/**
 * The list `field` of a file the reader imports, when the file is JSON of this `format`, version 1,
 * and the list holds at most `max` items; else what is wrong, in the words of its fields.
 */
export function exportedList(text: string, format: string, field: string, max: number): { ok: true; list: unknown[] } | { ok: false; message: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `not JSON (${(e as Error).message})` };
  }
  const file = (data && typeof data === 'object' && !Array.isArray(data) ? data : {}) as Record<string, unknown>;
  if (file.format !== format) return { ok: false, message: `"format" is not "${format}"` };
  if (file.version !== 1) return { ok: false, message: `unknown version ${JSON.stringify(file.version)}` };
  const list = file[field];
  if (!Array.isArray(list)) return { ok: false, message: `"${field}" is not a list` };
  if (list.length > max) return { ok: false, message: `${list.length} ${field}, more than ${max}` };
  return { ok: true, list };
}
