/**
 * Debian's epubcheck (package `epubcheck`, installed by .ci/run) on a book: its messages, by severity.
 * Run through java: /usr/bin/epubcheck is the jar itself, executable only where binfmt knows jars.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface EpubcheckResult {
  /** FATAL and ERROR messages, then WARNINGs, each `ID: message (file:line)`. */
  errors: string[];
  warnings: string[];
  version: string;
}

const JAR = ['/usr/share/java/epubcheck.jar', '/usr/bin/epubcheck'].find((p) => existsSync(p));

export function epubcheck(file: string): EpubcheckResult {
  if (!JAR) throw new Error('epubcheck is not installed (apt-get install epubcheck)');
  const dir = mkdtempSync(join(tmpdir(), 'wac-epubcheck-'));
  const out = join(dir, 'report.json');
  // It tells a book from an unpacked folder by the name: a browser's download has none.
  const book = file.endsWith('.epub') ? file : join(dir, 'book.epub');
  if (book !== file) copyFileSync(file, book);
  let said = '';
  try {
    execFileSync('java', ['-jar', JAR, book, '--json', out], { stdio: 'pipe' });
  } catch (e) {
    // It exits 1 when it finds errors: the report says which.
    said = String((e as { stderr?: Buffer }).stderr ?? e);
  }
  if (!existsSync(out)) throw new Error(`epubcheck wrote no report: ${said}`);
  const report = JSON.parse(readFileSync(out, 'utf8')) as {
    checker: { checkerVersion: string };
    messages: { ID: string; severity: string; message: string; locations: { path: string; line: number }[] }[];
  };
  const line = (m: (typeof report.messages)[number]) => `${m.ID}: ${m.message} (${m.locations.map((l) => `${l.path}:${l.line}`).join(', ')})`;
  return {
    errors: report.messages.filter((m) => m.severity === 'ERROR' || m.severity === 'FATAL').map(line),
    warnings: report.messages.filter((m) => m.severity === 'WARNING').map(line),
    version: report.checker.checkerVersion,
  };
}
