import { useState } from 'react';
import { exportComments, type CommentFilters } from './commentsApi';

const FORMATS = [
  ['csv', 'Download CSV'],
  ['xlsx', 'Download Excel'],
] as const;

/** Downloads the comment log with the filters on screen. */
export function ExportButtons({ filters }: { filters: CommentFilters }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function download(format: 'csv' | 'xlsx') {
    setBusy(true);
    setError(null);
    try {
      await exportComments(filters, format);
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="export">
      {FORMATS.map(([format, label]) => (
        <button
          key={format}
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => void download(format)}
        >
          {label}
        </button>
      ))}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
