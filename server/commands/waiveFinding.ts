import type { Db } from '../db/database.js';
import { writeAudit } from '../db/audit.js';
import { findFinding, type FindingListRow } from '../db/queries/findings.js';
import { conflict, notFound } from '../errors.js';
import { nowIso } from '../lib/ids.js';
import { authorize, type Actor } from '../policies/index.js';

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
    const decision = {
      status: 'waived' as const,
      reason,
      decidedBy: actor.id,
      decidedAt: nowIso(),
    };
    const updated = await trx
      .updateTable('plainEnglishFindings')
      .set(decision)
      .where('id', '=', finding.id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0)
      throw conflict('This finding was decided by someone else meanwhile');
    await writeAudit(trx, {
      actorId: actor.id,
      action: 'finding.waive',
      entity: 'finding',
      entityId: finding.id,
      before: { status: finding.status },
      after: decision,
    });
    const after = await findFinding(trx, finding.id);
    if (!after) throw notFound(`No plain-English finding with id "${findingId}"`);
    return after;
  });
}
