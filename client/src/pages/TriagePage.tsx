import { useMemo } from 'react';
import { listArtefacts } from '../api';
import { useAuth } from '../auth';
import { ClauseContext } from '../comments/ClauseContext';
import { CommentLogImport } from '../comments/CommentLogImport';
import { CommentList } from '../comments/CommentList';
import { type CommentFilters, type CommentSort } from '../comments/commentsApi';
import { ExportButtons } from '../comments/ExportButtons';
import { LinkedComment } from '../comments/LinkedComment';
import { StatusCounts } from '../comments/StatusCounts';
import { TriagePanel } from '../comments/TriagePanel';
import { useCommentPages } from '../comments/useCommentPages';
import { CATEGORIES, CATEGORY_LABELS, SEVERITIES } from '../comments/vocabulary';
import { ArtefactFilter, CODE_CHOICES, FilterSelect, choices } from '../Filters';
import { humanise } from '../format';
import { useApi } from '../useApi';
import { useQueryParams } from '../useQueryParams';

const TRIAGE_ROLES = ['code_body', 'programme', 'admin'];
// The programme imports logs for any code, a code body only for its own (the server checks each row).
const IMPORT_ROLES = ['code_body', 'programme'];
// In the URL, "all" means "no filter", so that an absent parameter can mean the default.
const ALL = 'all';
const CATEGORY_CHOICES = choices(CATEGORIES, (c) => CATEGORY_LABELS[c]);
const SEVERITY_CHOICES = choices(SEVERITIES, humanise);
const SORT_CHOICES: { value: CommentSort; label: string }[] = [
  { value: 'oldest', label: 'Oldest first' },
  { value: 'newest', label: 'Newest first' },
  { value: 'severity', label: 'Most severe first' },
];

export function TriagePage() {
  const { state } = useAuth();
  const user = state.status === 'signed-in' ? state.user : null;
  const [params, updateParams] = useQueryParams();

  const codeParam = params.get('code') ?? (user?.role === 'code_body' ? (user.code ?? '') : ALL);
  const code = codeParam === ALL ? '' : codeParam;
  const statusParam = params.get('status') ?? 'outstanding';
  const status = statusParam === ALL ? '' : statusParam;
  const artefactId = params.get('artefact') ?? '';
  const category = params.get('category') ?? '';
  const severity = params.get('severity') ?? '';
  const sort = (params.get('sort') ?? 'oldest') as CommentSort;
  // `?comment=<id or ref>` opens that comment above the queue, whatever the filters.
  const linked = params.get('comment') ?? '';
  const isLinked = (c: { id: string; ref: string }) =>
    c.id === linked || c.ref.toUpperCase() === linked.toUpperCase();

  const allowed = user !== null && TRIAGE_ROLES.includes(user.role);
  const filters = useMemo<CommentFilters | null>(
    () =>
      allowed
        ? {
            code: code || undefined,
            artefactId: artefactId || undefined,
            status: status || undefined,
            category: category || undefined,
            severity: severity || undefined,
          }
        : null,
    [allowed, code, artefactId, status, category, severity],
  );
  const pages = useCommentPages(filters, sort);
  const artefacts = useApi(
    allowed ? (signal) => listArtefacts({ code: code || undefined }, signal) : null,
    [allowed, code],
  );

  function setParam(name: string, value: string) {
    // A different code has different artefacts.
    updateParams({ [name]: value, ...(name === 'code' ? { artefact: null } : {}) });
  }

  if (!user) return null;
  if (!allowed) {
    return (
      <div className="page-message">
        <title>Triage · M6 Review</title>
        <h1>Triage queue</h1>
        <p>The triage queue is for code bodies and the programme.</p>
      </div>
    );
  }

  const canDecide = (artefactCode: string) =>
    user.role === 'code_body' && user.code === artefactCode;

  return (
    <>
      <title>Triage · M6 Review</title>
      <h1>Triage queue</h1>
      {user.role !== 'code_body' && (
        <p className="notice">
          You can follow every code&apos;s queue here; only each code&apos;s code body records
          decisions.
        </p>
      )}
      {linked && (
        <LinkedComment
          idOrRef={linked}
          canDecide={canDecide}
          onChange={pages.replace}
          onClose={() => setParam('comment', '')}
        />
      )}
      <form
        className="filters"
        role="search"
        aria-label="Filter the triage queue"
        onSubmit={(e) => e.preventDefault()}
      >
        <FilterSelect
          id="triage-code"
          label="Code"
          value={code || ALL}
          options={CODE_CHOICES}
          all={{ value: ALL, label: 'All' }}
          onChange={(value) => setParam('code', value)}
        />
        <ArtefactFilter
          id="triage-artefact"
          value={artefactId}
          artefacts={artefacts.data}
          onChange={(value) => setParam('artefact', value)}
        />
        <FilterSelect
          id="triage-category"
          label="Category"
          value={category}
          options={CATEGORY_CHOICES}
          onChange={(value) => setParam('category', value)}
        />
        <FilterSelect
          id="triage-severity"
          label="Severity"
          value={severity}
          options={SEVERITY_CHOICES}
          onChange={(value) => setParam('severity', value)}
        />
        <FilterSelect
          id="triage-sort"
          label="Sort"
          value={sort}
          options={SORT_CHOICES}
          all={null}
          onChange={(value) => setParam('sort', value)}
        />
      </form>
      <StatusCounts
        counts={pages.counts}
        selected={status}
        onSelect={(value) => setParam('status', value || ALL)}
      />
      {filters && <ExportButtons filters={filters} />}
      {IMPORT_ROLES.includes(user.role) && (
        <CommentLogImport
          code={user.role === 'code_body' ? user.code : null}
          onImported={pages.reload}
        />
      )}
      <CommentList
        pages={linked ? { ...pages, items: pages.items.filter((c) => !isLinked(c)) } : pages}
        emptyText={`No ${linked ? 'other ' : ''}comments match these filters.`}
        extra={(comment, replace) => (
          <>
            <ClauseContext comment={comment} />
            {canDecide(comment.artefact.code) && (
              <TriagePanel comment={comment} onChange={replace} />
            )}
          </>
        )}
      />
    </>
  );
}
