import type { Db } from '../database.js';

export interface CrossReferenceRow {
  sourceArtefactId: string;
  sourceReference: string;
  sourceSlug: string;
  sourceCode: string;
  sourceClauseRef: string;
  raw: string;
  targetDocument: string | null;
  targetArtefactId: string | null;
  targetReference: string | null;
  targetSlug: string | null;
  targetCode: string | null;
  targetClauseRef: string | null;
  resolved: number;
}

/** Citations from the artefact's current version (out) or into the artefact (in), as written. */
export async function listCrossReferences(
  db: Db,
  artefactId: string,
  direction: 'in' | 'out',
): Promise<CrossReferenceRow[]> {
  return db.kysely
    .selectFrom('crossReferences as x')
    .innerJoin('artefacts as s', 's.id', 'x.sourceArtefactId')
    .leftJoin('artefacts as t', 't.id', 'x.targetArtefactId')
    .select([
      'x.sourceArtefactId',
      's.reference as sourceReference',
      's.slug as sourceSlug',
      's.code as sourceCode',
      'x.sourceClauseRef',
      'x.raw',
      'x.targetDocument',
      'x.targetArtefactId',
      't.reference as targetReference',
      't.slug as targetSlug',
      't.code as targetCode',
      'x.targetClauseRef',
      'x.resolved',
    ])
    .where(direction === 'out' ? 'x.sourceArtefactId' : 'x.targetArtefactId', '=', artefactId)
    .orderBy('s.position')
    .orderBy('s.id')
    .orderBy('x.position')
    .execute();
}
