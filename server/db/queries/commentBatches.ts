// Every comment a caller may see, in age order, a page at a time: exports read tens of thousands
// of comments without holding them all, and without one long query holding the event loop
// (better-sqlite3 runs each query synchronously) or a PostgreSQL connection.
import type { CommentVisibility } from '../../policies/commentVisibility.js';
import type { Db } from '../database.js';
import { listComments, type CommentFilters, type CommentListRow } from './comments.js';
import { nextTurn } from '../../lib/nextTurn.js';

// Small enough that a page (read, mapped and written to CSV or XLSX) takes a few milliseconds, so
// that several exports running together still let other requests in within tens of milliseconds.
const PAGE = 200;

/** The comments listAllComments would give, in the same order, in pages of `size`. */
export async function* commentBatches(
  db: Db,
  visibility: CommentVisibility,
  filters: CommentFilters,
  size = PAGE,
): AsyncGenerator<CommentListRow[]> {
  let after: { createdAt: string; id: string } | undefined;
  for (;;) {
    const page = await listComments(db, visibility, filters, {
      sort: 'oldest',
      limit: size,
      after,
    });
    if (page.length) yield page;
    const last = page[page.length - 1];
    if (!last || page.length < size) return;
    after = { createdAt: last.createdAt, id: last.id };
    // Let other requests in between pages.
    await nextTurn();
  }
}
