/** The content script's one way to the export pipeline: imported from the extension on first use. */
import { browser } from 'wxt/browser';
import type { ExportPipeline } from '../pipeline/lazy';

/** The built module's path (wxt.config.ts builds it as ES and lists it as web accessible to the article pages). */
export const PIPELINE_FILE = '/export-pipeline.js';

let loading: Promise<ExportPipeline> | null = null;

/** Starts the import once; a failed import (the extension reloaded under the page) is tried again next time. */
export function loadPipeline(): Promise<ExportPipeline> {
  if (!loading) {
    loading = import(/* @vite-ignore */ browser.runtime.getURL(PIPELINE_FILE)).then((m: { default: ExportPipeline }) => m.default);
    loading.catch(() => (loading = null));
  }
  return loading;
}
