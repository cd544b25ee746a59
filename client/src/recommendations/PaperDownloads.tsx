import { useState } from 'react';
import { downloadFile } from '../api';
import type { Paper } from './recommendationsApi';

const FORMATS = [
  ['html', 'HTML'],
  ['md', 'Markdown'],
  ['docx', 'Word'],
] as const;

/** The paper as HTML, Markdown or Word, fetched with the token and saved as a file. */
export function PaperDownloads({ paper }: { paper: Paper }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="actions" role="group" aria-label="Download the paper">
      <span className="label">Download:</span>
      {FORMATS.map(([format, label]) => (
        <button
          key={format}
          type="button"
          className="secondary"
          onClick={() => {
            setError(null);
            downloadFile(paper.formats[format], `${paper.reference}.${format}`).catch(
              (caught: unknown) => setError((caught as Error).message),
            );
          }}
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
