import type { HighlightMarkup } from '../annotate/markdown';

/** What the Markdown rules need to know beyond the node they convert. */
export interface ConvertContext {
  /** The article's canonical address: media that only plays inside WeChat links back to it. */
  source: string;
  /** Heading levels in the content are shifted so the smallest becomes ##; the title is #. */
  headingShift: number;
  /** Where an image is written: a local path for the ZIP, a data URI, or the remote address. */
  imageTarget: (remote: string) => string;
  /** How the reader's highlighted passages are written: `==…==` (default) or `<mark>…</mark>`. */
  highlightMarkup?: HighlightMarkup;
}
