import { Link, useLocation, useParams, useSearchParams } from 'react-router-dom';
import { getArtefact, listVersions, type Artefact, type Version } from '../api';
import { VersionView } from '../artefact/VersionView';
import { BragBadge } from '../BragBadge';
import { formatDate, kindLabel } from '../format';
import { useApi } from '../useApi';
import type { ArtefactLinkState } from './RegistryPage';

export function ArtefactPage() {
  const { idOrSlug = '' } = useParams();
  // A fresh component per artefact, so nothing from the previous one lingers while loading.
  return <ArtefactView key={idOrSlug} idOrSlug={idOrSlug} />;
}

function ArtefactView({ idOrSlug }: { idOrSlug: string }) {
  const location = useLocation();
  const registrySearch = (location.state as ArtefactLinkState | null)?.registrySearch ?? '';
  const backLink = (
    <Link to={`/${registrySearch}`} className="back-link">
      ← Back to the registry
    </Link>
  );

  const artefact = useApi((signal) => getArtefact(idOrSlug, signal), [idOrSlug]);

  if (artefact.error) {
    const notFound = artefact.error.status === 404;
    return (
      <div className="page-message">
        <title>{`${notFound ? 'Artefact not found' : 'Error'} · M6 Review`}</title>
        <h1>{notFound ? 'Artefact not found' : 'Could not load the artefact'}</h1>
        <p role="alert">
          {notFound ? `There is no artefact called “${idOrSlug}”.` : artefact.error.message}
        </p>
        <p>{backLink}</p>
      </div>
    );
  }
  if (!artefact.data) return <p role="status">Loading…</p>;

  const a = artefact.data;
  return (
    <>
      <title>{`${a.reference} ${a.title} · M6 Review`}</title>
      <p>{backLink}</p>
      <h1>
        <span className="reference">{a.reference}</span> {a.title}
      </h1>
      <ArtefactMetadata artefact={a} />
      <ArtefactVersions artefact={a} />
    </>
  );
}

function ArtefactMetadata({ artefact: a }: { artefact: Artefact }) {
  return (
    <dl className="metadata">
      <dt>Code</dt>
      <dd>{a.code}</dd>
      <dt>Kind</dt>
      <dd>{kindLabel(a.kind)}</dd>
      <dt>Topic area</dt>
      <dd>{a.topicArea}</dd>
      <dt>Status</dt>
      <dd>{a.status}</dd>
      <dt>BRAG</dt>
      <dd>
        <BragBadge brag={a.brag} />{' '}
        <span className="muted">
          {a.bragSource === 'override'
            ? `Override${a.bragOverrideReason ? `: ${a.bragOverrideReason}` : ''}`
            : 'Computed from review progress'}
        </span>
      </dd>
      <dt>Comments</dt>
      <dd>
        {a.outstandingComments} outstanding of {a.totalComments}
      </dd>
      <dt>Current version</dt>
      <dd>
        {a.currentVersion
          ? `${a.currentVersion.label} (${formatDate(a.currentVersion.createdAt)})`
          : 'None'}
      </dd>
    </dl>
  );
}

function ArtefactVersions({ artefact }: { artefact: Artefact }) {
  const [params] = useSearchParams();
  const versions = useApi((signal) => listVersions(artefact.id, signal), [artefact.id]);
  const selectedId =
    params.get('version') ?? artefact.currentVersion?.id ?? versions.data?.[0]?.id ?? null;

  return (
    <>
      <section aria-labelledby="versions-heading">
        <h2 id="versions-heading">Versions</h2>
        {versions.error && (
          <p className="error" role="alert">
            {versions.error.message}
          </p>
        )}
        {versions.loading && <p role="status">Loading versions…</p>}
        {versions.data?.length === 0 && (
          <p className="notice">No version has been published yet.</p>
        )}
        {versions.data && versions.data.length > 0 && (
          <VersionTable
            versions={versions.data}
            selectedId={selectedId}
            currentId={artefact.currentVersion?.id}
          />
        )}
      </section>
      {selectedId && (
        <VersionView
          key={selectedId}
          artefact={artefact}
          versionId={selectedId}
          initialClause={params.get('clause')}
        />
      )}
    </>
  );
}

interface VersionTableProps {
  versions: Version[];
  selectedId: string | null;
  currentId: string | undefined;
}

function VersionTable({ versions, selectedId, currentId }: VersionTableProps) {
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
              <td>{version.changeNote ?? '—'}</td>
              <td>{version.incorporates.length > 0 ? version.incorporates.join(', ') : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
