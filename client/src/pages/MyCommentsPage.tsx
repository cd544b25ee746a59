import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { CommentList } from '../comments/CommentList';
import type { CommentFilters } from '../comments/commentsApi';
import { ExportButtons } from '../comments/ExportButtons';
import { StatusCounts } from '../comments/StatusCounts';
import { useCommentPages } from '../comments/useCommentPages';

export function MyCommentsPage() {
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const filters = useMemo<CommentFilters>(
    () => ({ mine: 'true', status: status || undefined }),
    [status],
  );
  const pages = useCommentPages(filters, 'newest');

  return (
    <>
      <title>My comments · M6 Review</title>
      <h1>My comments</h1>
      <p className="muted">Everything you have commented, newest first.</p>
      <StatusCounts
        counts={pages.counts}
        selected={status}
        onSelect={(value) => setParams(value ? { status: value } : {}, { replace: true })}
      />
      <ExportButtons filters={filters} />
      <CommentList
        pages={pages}
        emptyText={
          status
            ? 'None of your comments has this status.'
            : 'You have not commented yet. Open an artefact from the registry to comment on its clauses.'
        }
      />
    </>
  );
}
