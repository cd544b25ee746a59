import type { Db } from '../db/database.js';
import { findFinding, type FindingListRow } from '../db/queries/findings.js';
import { conflict, notFound } from '../errors.js';
import { authorize, type Actor } from '../policies/index.js';
import { decideFinding } from './decideFinding.js';

/** A code body (of the artefact's code) or the programme accepts an open finding, with a reason. */
export async function waiveFinding(
  db: Db,
  actor: Actor,
  findingId: string,
  reason: string,
): Promise<FindingListRow> {
  return db.kysely.transaction().execute(async (trx) => {
    const finding = await findFinding(trx, findingId);
    if (!finding) throw notFound(`No plain-English finding with id "${findingId}"`);
    authorize(actor, 'finding.waive', { code: finding.artefactCode });
    if (finding.status !== 'open') throw conflict(`This finding is already ${finding.status}`);
    return decideFinding(
      trx,
      actor,
      finding,
      { status: 'waived', reason },
      'This finding was decided by someone else meanwhile',
    );
  });
}
