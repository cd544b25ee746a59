import { useId } from 'react';
import type { Version } from '../api';
import { formatDate } from '../format';

interface Props {
  /** Newest first. */
  versions: Version[];
  selected: Version;
  compareId: string | null;
  /** False when "Compare with previous" is offered elsewhere, e.g. just after publishing. */
  offerPrevious: boolean;
  onCompare(versionId: string | null): void;
}

/** "Compare with…" any other version, "Compare with previous", and back to the plain version. */
export function CompareTools({ versions, selected, compareId, offerPrevious, onCompare }: Props) {
  const id = useId();
  const others = versions.filter((v) => v.id !== selected.id);
  const previous = versions[versions.findIndex((v) => v.id === selected.id) + 1];
  if (others.length === 0) return null;

  return (
    <div className="compare-tools no-print">
      <div className="field">
        <label htmlFor={`${id}-compare`}>Compare with…</label>
        <select
          id={`${id}-compare`}
          value={compareId ?? ''}
          aria-describedby={`${id}-hint`}
          onChange={(e) => onCompare(e.target.value || null)}
        >
          <option value="">Choose a version</option>
          {others.map((v) => (
            <option key={v.id} value={v.id}>
              {v.label} ({formatDate(v.createdAt)})
            </option>
          ))}
        </select>
      </div>
      {offerPrevious && previous && previous.id !== compareId && (
        <button type="button" className="secondary" onClick={() => onCompare(previous.id)}>
          Compare with previous
        </button>
      )}
      {compareId && (
        <button type="button" className="secondary" onClick={() => onCompare(null)}>
          Stop comparing
        </button>
      )}
      <p id={`${id}-hint`} className="hint">
        Shows what changed between {selected.label} and the version you choose, the older one as the
        starting point.
      </p>
    </div>
  );
}
