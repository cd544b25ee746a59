import type { Db } from '../database.js';
import type { WorkOffStatus, WorkOffTarget } from '../schema.js';

export interface WorkOffFilters {
  /** The owning code body. */
  code?: string;
  status?: WorkOffStatus;
  target?: WorkOffTarget;
  id?: string;
}

/** Work-off items with what their source says; the presenter decides what a reader may see. */
export async function listWorkOffItems(db: Db, filters: WorkOffFilters = {}) {
  let query = db.kysely
    .selectFrom('workOffItems as w')
    .leftJoin('comments as c', 'c.id', 'w.commentId')
    .leftJoin('artefacts as a', 'a.id', 'c.artefactId')
    .leftJoin('changes as ch', 'ch.id', 'w.changeId')
    .leftJoin('codeBodies as cb', 'cb.code', 'w.ownerCode')
    .leftJoin('users as u', 'u.id', 'w.updatedBy')
    .select([
      'w.id',
      'w.baselineId',
      'w.commentId',
      'w.changeId',
      'w.ownerCode',
      'cb.name as ownerName',
      'w.target',
      'w.status',
      'w.notes',
      'w.revision',
      'w.createdAt',
      'w.updatedAt',
      'u.name as updatedByName',
      'c.ref as commentRef',
      'c.body as commentBody',
      'c.quote as commentQuote',
      'c.clauseRef as commentClauseRef',
      'c.response as commentResponse',
      'c.confidential as commentConfidential',
      'c.organisationId as commentOrganisationId',
      'c.authorId as commentAuthorId',
      'a.slug as artefactSlug',
      'a.reference as artefactReference',
      'a.title as artefactTitle',
      'a.code as artefactCode',
      'ch.type as changeType',
      'ch.title as changeTitle',
      'ch.status as changeStatus',
    ]);
  if (filters.id) query = query.where('w.id', '=', filters.id);
  if (filters.code) query = query.where('w.ownerCode', '=', filters.code);
  if (filters.status) query = query.where('w.status', '=', filters.status);
  if (filters.target) query = query.where('w.target', '=', filters.target);
  return query
    .orderBy('w.createdAt')
    .orderBy('c.ref')
    .orderBy('w.changeId')
    .orderBy('w.id')
    .execute();
}

export type WorkOffRow = Awaited<ReturnType<typeof listWorkOffItems>>[number];

export async function findWorkOffItem(db: Db, id: string): Promise<WorkOffRow | undefined> {
  const [row] = await listWorkOffItems(db, { id });
  return row;
}
