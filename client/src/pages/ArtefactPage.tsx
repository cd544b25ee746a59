import { useCallback, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { getArtefact, type Artefact } from '../api';
import { ArtefactVersions } from '../artefact/ArtefactVersions';
import { BragBadge } from '../BragBadge';
import { FollowButton } from '../notifications/FollowButton';
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

  // Bumped by a publish, so the current version and the version list are fetched again.
  const [revision, setRevision] = useState(0);
  // Bumped by a comment change, so the header's counts and BRAG are fetched again (only them).
  const [commentsChanged, setCommentsChanged] = useState(0);
  const refreshHeader = useCallback(() => setCommentsChanged((n) => n + 1), []);
  const artefact = useApi(
    (signal) => getArtefact(idOrSlug, signal),
    [idOrSlug, revision, commentsChanged],
  );

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
        {a.baselined && <span className="tag tag-baselined">Baselined in M6</span>}
      </h1>
      <p className="artefact-follow">
        <FollowButton entity="artefact" entityId={a.id} label={a.reference} />
      </p>
      <ArtefactMetadata artefact={a} />
      <ArtefactVersions
        artefact={a}
        revision={revision}
        onPublished={() => setRevision((r) => r + 1)}
        onCommentsChanged={refreshHeader}
      />
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
