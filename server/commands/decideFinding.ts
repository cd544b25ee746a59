import type { Kysely } from 'kysely';
import { writeAudit } from '../db/audit.js';
import { findFinding, type FindingListRow } from '../db/queries/findings.js';
import type { Database } from '../db/schema.js';
import { conflict, notFound } from '../errors.js';
import { nowIso } from '../lib/ids.js';
import type { Actor } from '../policies/index.js';

export type FindingDecision =
  { status: 'waived'; reason: string } | { status: 'raised'; commentId: string };

/**
 * Records a decision on a finding that is still open, in the caller's transaction, with its audit
 * event. The `status = 'open'` guard makes the first of two concurrent deciders win; the other gets
 * `lostRace` as its 409.
 */
export async function decideFinding(
  trx: Kysely<Database>,
  actor: Actor,
  finding: { id: string; status: string },
  decision: FindingDecision,
  lostRace: string,
): Promise<FindingListRow> {
  const recorded = { ...decision, decidedBy: actor.id, decidedAt: nowIso() };
  const updated = await trx
    .updateTable('plainEnglishFindings')
    .set(recorded)
    .where('id', '=', finding.id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) throw conflict(lostRace);
  await writeAudit(trx, {
    actorId: actor.id,
    action: decision.status === 'waived' ? 'finding.waive' : 'finding.raise',
    entity: 'finding',
    entityId: finding.id,
    before: { status: finding.status },
    after: recorded,
  });
  const after = await findFinding(trx, finding.id);
  if (!after) throw notFound(`No plain-English finding with id "${finding.id}"`);
  return after;
}
