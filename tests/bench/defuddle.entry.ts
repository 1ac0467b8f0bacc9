// What Obsidian Web Clipper does: Defuddle (full bundle) with Markdown output.
import Defuddle from 'defuddle/full';

(globalThis as Record<string, unknown>).__bench_defuddle = () =>
  new Defuddle(document.cloneNode(true) as Document, { markdown: true, url: location.href }).parse().content;
