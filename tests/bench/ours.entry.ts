// Browser bundle of this extension's extract-and-convert, for the benchmark.
import { exportMarkdown } from '../../utils/pipeline/export';

(globalThis as Record<string, unknown>).__bench_ours = () => {
  const r = exportMarkdown(document, location.href);
  return r.ok ? r.markdown : r.message;
};
