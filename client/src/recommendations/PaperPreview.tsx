import { useApi } from '../useApi';
import { fetchPaperHtml } from './recommendationsApi';

/** The print-ready paper as the server renders it, in a sandboxed frame (no scripts run). */
export function PaperPreview({ htmlPath }: { htmlPath: string }) {
  const html = useApi((signal) => fetchPaperHtml(htmlPath, signal), [htmlPath]);
  if (html.error)
    return (
      <p className="error" role="alert">
        {html.error.message}
      </p>
    );
  if (!html.data) return <p role="status">Loading the paper…</p>;
  return (
    <iframe
      className="paper-preview"
      title="Preview of the recommendation paper"
      sandbox=""
      srcDoc={html.data}
    />
  );
}
