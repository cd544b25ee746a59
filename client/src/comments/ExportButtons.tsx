import { useState } from 'react';
import { exportComments, type CommentFilters } from './commentsApi';

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
      <button
        type="button"
        className="secondary"
        disabled={busy}
        onClick={() => void download('csv')}
      >
        Download CSV
      </button>
      <button
        type="button"
        className="secondary"
        disabled={busy}
        onClick={() => void download('xlsx')}
      >
        Download Excel
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
