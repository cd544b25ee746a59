import { useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useQueryParams } from '../useQueryParams';
import { listVersions, type Artefact } from '../api';
import { useAuth } from '../auth';
import { useApi } from '../useApi';
import { CompareTools } from './CompareTools';
import { PublishVersionForm } from './PublishVersionForm';
import { RedlineView, type RedlineMode } from './RedlineView';
import { VersionTable } from './VersionTable';
import { VersionView } from './VersionView';
import type { PublishedVersion } from './versionsApi';

interface Props {
  artefact: Artefact;
  /** Bumped when the artefact changes, so the list is fetched again. */
  revision: number;
  onPublished(): void;
  onCommentsChanged?(): void;
}

/**
 * The version list, the version shown (`?version=`), and the redline against another version
 * (`?compare=<id>&view=changes|document`), all in the query string so a redline can be shared.
 */
export function ArtefactVersions({ artefact, revision, onPublished, onCommentsChanged }: Props) {
  const { state } = useAuth();
  const user = state.status === 'signed-in' ? state.user : null;
  const canPublish =
    user?.role === 'admin' || (user?.role === 'code_body' && user.code === artefact.code);
  const location = useLocation();
  const [params, updateParams] = useQueryParams();
  const versions = useApi((signal) => listVersions(artefact.id, signal), [artefact.id, revision]);
  const [publishing, setPublishing] = useState(false);
  const [published, setPublished] = useState<{
    id: string;
    label: string;
    previousId?: string;
    warnings: string[];
  }>();

  const list = versions.data ?? [];
  const selectedId = params.get('version') ?? artefact.currentVersion?.id ?? list[0]?.id ?? null;
  const selected = list.find((v) => v.id === selectedId);
  const compareId = params.get('compare');
  const mode: RedlineMode = params.get('view') === 'document' ? 'document' : 'changes';

  function go(change: Record<string, string | null>) {
    updateParams(change, { state: location.state });
  }
  const compare = (id: string | null) =>
    go({ version: selectedId, compare: id, view: id ? mode : null, clause: null });

  function handlePublished(version: PublishedVersion) {
    setPublished({
      id: version.id,
      label: version.label,
      previousId: list[0]?.id,
      warnings: version.warnings,
    });
    setPublishing(false);
    go({ version: version.id, compare: null, view: null, clause: null });
    onPublished();
  }

  // Newest first: the version further down the list is the older, so it is the redline's "from".
  const index = (id: string | null) => list.findIndex((v) => v.id === id);
  const [fromId, toId] =
    index(compareId) > index(selectedId) ? [compareId, selectedId] : [selectedId, compareId];
  const justPublished = published && published.id === selectedId && !compareId;

  return (
    <>
      <section aria-labelledby="versions-heading" className="versions">
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
        {list.length > 0 && (
          <VersionTable
            versions={list}
            selectedId={selectedId}
            currentId={artefact.currentVersion?.id}
          />
        )}
        <div role="status" className="publish-status">
          {justPublished && (
            <div className="notice">
              <p>
                Published {published.label}; it is shown below.{' '}
                {published.previousId && (
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => compare(published.previousId ?? null)}
                  >
                    Compare with previous
                  </button>
                )}
              </p>
              {published.warnings.length > 0 && (
                <>
                  <p>Please check:</p>
                  <ul className="publish-warnings">
                    {published.warnings.map((warning, index) => (
                      <li key={index}>{warning}</li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          )}
        </div>
        {selected && (
          <CompareTools
            versions={list}
            selected={selected}
            compareId={compareId}
            offerPrevious={!justPublished}
            onCompare={compare}
          />
        )}
        {canPublish && !publishing && (
          <p className="no-print">
            <button type="button" className="secondary" onClick={() => setPublishing(true)}>
              Publish a new version
            </button>{' '}
            {list.length > 0 && (
              <Link
                className="button secondary"
                to={`/artefacts/${encodeURIComponent(artefact.slug)}/next-draft`}
              >
                Prepare next draft
              </Link>
            )}
          </p>
        )}
        {canPublish && publishing && (
          <PublishVersionForm
            artefactId={artefact.id}
            reference={artefact.reference}
            current={list[0]}
            onPublished={handlePublished}
            onCancel={() => setPublishing(false)}
          />
        )}
      </section>
      {versions.data && compareId && fromId && toId && fromId !== toId && (
        <RedlineView
          key={`${fromId}:${toId}`}
          artefactId={artefact.id}
          fromId={fromId}
          toId={toId}
          mode={mode}
          onModeChange={(view) => go({ view })}
        />
      )}
      {compareId && compareId === selectedId && (
        <p className="error" role="alert">
          A version cannot be compared with itself: choose another under “Compare with…”.
        </p>
      )}
      {selectedId && !compareId && (
        <VersionView
          key={selectedId}
          artefact={artefact}
          versionId={selectedId}
          initialClause={params.get('clause')}
          initialComment={params.get('comment')}
          onCommentsChanged={onCommentsChanged}
        />
      )}
    </>
  );
}
