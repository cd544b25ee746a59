import { useState } from 'react';
import { downloadFile } from '../api';

/** A button that downloads a Word document from the API, saying so if it fails. */
export function WordDownload(props: { path: string; fallbackName: string; children: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function download() {
    setBusy(true);
    setError(null);
    try {
      await downloadFile(props.path, props.fallbackName);
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <button type="button" className="secondary" disabled={busy} onClick={() => void download()}>
        {busy ? 'Preparing the Word file…' : props.children}
      </button>
      {error && (
        <span className="error" role="alert">
          {' '}
          {error}
        </span>
      )}
    </>
  );
}
