import type { Kysely } from 'kysely';
import { writeAudit } from '../db/audit.js';
import type { Database } from '../db/schema.js';
import { clauseSuccessors, type ClauseSuccessor } from '../domain/alignClauses.js';
import type { Clause } from '../domain/parseClauses.js';
import { carriedWaivers } from '../domain/plainEnglish/index.js';
import { clauseTextSize, runTask } from '../lib/offThread.js';
import type { Actor } from '../policies/index.js';

/** Where the clauses of the version to be replaced went, worked out before publishing. */
export interface CarryPlan {
  previousVersionId: string;
  successors: Map<string, ClauseSuccessor>;
}

async function waivedFindings(k: Kysely<Database>, versionId: string) {
  return k
    .selectFrom('plainEnglishFindings')
    .select(['id', 'clauseRef', 'kind', 'excerpt', 'reason', 'decidedBy', 'decidedAt'])
    .where('versionId', '=', versionId)
    .where('status', '=', 'waived')
    .orderBy('id')
    .execute();
}

/**
 * Aligning two large versions takes a while: done off the main thread before the publishing
 * transaction, and only when the current version has waivers that might carry.
 */
export async function planCarriedWaivers(
  k: Kysely<Database>,
  artefactId: string,
  clauses: Clause[],
): Promise<CarryPlan | null> {
  const artefact = await k
    .selectFrom('artefacts')
    .select('currentVersionId')
    .where('id', '=', artefactId)
    .executeTakeFirst();
  const previousId = artefact?.currentVersionId;
  if (!previousId || (await waivedFindings(k, previousId)).length === 0) return null;
  const previous = await k
    .selectFrom('artefactVersions')
    .select('clauses')
    .where('id', '=', previousId)
    .executeTakeFirst();
  if (!previous) return null;
  const from = JSON.parse(previous.clauses) as Clause[];
  const successors = await runTask(
    'successors',
    [from, clauses],
    clauseTextSize(from) + clauseTextSize(clauses),
  );
  return { previousVersionId: previousId, successors };
}

/**
 * In the publishing transaction, once the new version's findings are made: a finding that is the
 * same as a waived finding of the previous version, in a clause whose text did not change, is
 * waived already, with the original reason and who decided it, noting the version it came from.
 * Each carried waiver is audited. Returns how many carried.
 */
export async function carryWaivers(
  trx: Kysely<Database>,
  actor: Actor,
  previousVersionId: string | null,
  version: { id: string; clauses: Clause[] },
  plan: CarryPlan | null,
): Promise<number> {
  if (!previousVersionId) return 0;
  const waived = await waivedFindings(trx, previousVersionId);
  if (waived.length === 0) return 0;
  const previous = await trx
    .selectFrom('artefactVersions')
    .select(['label', 'clauses'])
    .where('id', '=', previousVersionId)
    .executeTakeFirstOrThrow();
  // Another version was published since the plan was made: align with the one actually replaced.
  const successors =
    plan?.previousVersionId === previousVersionId
      ? plan.successors
      : clauseSuccessors(JSON.parse(previous.clauses) as Clause[], version.clauses);
  const open = await trx
    .selectFrom('plainEnglishFindings')
    .select(['id', 'clauseRef', 'kind', 'excerpt'])
    .where('versionId', '=', version.id)
    .where('status', '=', 'open')
    .execute();
  const carried = carriedWaivers(waived, open, successors);
  for (const { finding, from } of carried) {
    const decision = {
      status: 'waived' as const,
      reason: from.reason,
      decidedBy: from.decidedBy,
      decidedAt: from.decidedAt,
      carriedFrom: previous.label,
      carriedFromFindingId: from.id,
    };
    await trx
      .updateTable('plainEnglishFindings')
      .set(decision)
      .where('id', '=', finding.id)
      .execute();
    await writeAudit(trx, {
      actorId: actor.id,
      action: 'finding.carryWaiver',
      entity: 'finding',
      entityId: finding.id,
      before: { status: 'open' },
      after: { ...decision, carriedFromVersionId: previousVersionId },
    });
  }
  return carried.length;
}
