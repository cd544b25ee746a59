import { Link, useLocation } from 'react-router-dom';
import type { Version } from '../api';
import { formatDate } from '../format';

interface Props {
  versions: Version[];
  selectedId: string | null;
  currentId: string | undefined;
}

/** The artefact's versions, newest first; each label shows that version. */
export function VersionTable({ versions, selectedId, currentId }: Props) {
  const location = useLocation();
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Versions, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Published</th>
            <th scope="col">Author</th>
            <th scope="col">Change note</th>
            <th scope="col">Incorporates</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((version) => (
            <tr key={version.id} className={version.id === selectedId ? 'selected' : undefined}>
              <td>
                <Link
                  to={{ search: `?version=${encodeURIComponent(version.id)}` }}
                  state={location.state}
                  replace
                  aria-current={version.id === selectedId ? 'true' : undefined}
                >
                  {version.label}
                </Link>
                {version.id === currentId && <span className="tag">Current</span>}
                {version.baseline && <span className="tag">Baseline</span>}
                {version.id === selectedId && <span className="visually-hidden"> (shown)</span>}
              </td>
              <td>{formatDate(version.createdAt)}</td>
              <td>{version.author?.name ?? '—'}</td>
              <td>{version.changeNote || '—'}</td>
              <td>{version.incorporates.length > 0 ? version.incorporates.join(', ') : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
