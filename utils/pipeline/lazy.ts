/**
 * Everything an export needs and the page's first paint does not: the Markdown conversion (Turndown,
 * DOMPurify), the destinations, the ZIP writer. Built as a module of its own (entrypoints/export-pipeline.ts)
 * and loaded by the content script on the first export, so a page that is only read never compiles it.
 */
import { runFollowUp } from '../deliver/follow-up';
import { exportMarkdown, previewPage, runAction } from './export';

export const pipeline = { runAction, runFollowUp, exportMarkdown, previewPage };
export type ExportPipeline = typeof pipeline;
