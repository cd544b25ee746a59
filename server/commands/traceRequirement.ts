import type { Db } from '../db/database.js';
import { writeAudit } from '../db/audit.js';
import { isUniqueViolation } from '../db/errors.js';
import { loadVersionClauses } from '../db/versionCache.js';
import { badRequest, conflict, notFound } from '../errors.js';
import { authorize, type Actor } from '../policies/index.js';

export interface TraceTarget {
  requirementId: string;
  artefact: { id: string; code: string; reference: string; currentVersionId: string | null };
  clauseRef: string;
}

async function assertRequirement(db: Db, id: string): Promise<void> {
  const found = await db.kysely
    .selectFrom('requirements')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!found) throw notFound(`No requirement with id "${id}"`);
}

/**
 * Traces a requirement to the clause that implements it. The clause must exist in the artefact's
 * current version now; if a later version drops it, the trace shows as broken.
 */
export async function traceRequirement(db: Db, actor: Actor, target: TraceTarget): Promise<void> {
  const { requirementId, artefact, clauseRef } = target;
  authorize(actor, 'requirement.trace', artefact);
  await assertRequirement(db, requirementId);
  const version = artefact.currentVersionId
    ? await loadVersionClauses(db, artefact.currentVersionId)
    : undefined;
  if (!version)
    throw badRequest(
      `body.artefactId: ${artefact.reference} has no version yet, so clause "${clauseRef}" cannot be traced`,
    );
  if (!version.clauses.some((c) => c.ref === clauseRef))
    throw badRequest(
      `body.clauseRef: ${artefact.reference} ${version.label} has no clause "${clauseRef}"`,
    );
  const duplicate = () =>
    conflict(`${requirementId} is already traced to ${artefact.reference} clause ${clauseRef}`);
  try {
    await db.kysely.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom('requirementTraces')
        .select('clauseRef')
        .where('requirementId', '=', requirementId)
        .where('artefactId', '=', artefact.id)
        .where('clauseRef', '=', clauseRef)
        .executeTakeFirst();
      if (existing) throw duplicate();
      const trace = { requirementId, artefactId: artefact.id, clauseRef };
      await trx.insertInto('requirementTraces').values(trace).execute();
      await writeAudit(trx, {
        actorId: actor.id,
        action: 'requirement.trace',
        entity: 'requirement',
        entityId: requirementId,
        after: { artefactId: artefact.id, clauseRef, versionId: version.id },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicate();
    throw err;
  }
}

/** Removes a trace (for instance one that a new version broke); 404 when there is none. */
export async function untraceRequirement(db: Db, actor: Actor, target: TraceTarget): Promise<void> {
  const { requirementId, artefact, clauseRef } = target;
  authorize(actor, 'requirement.trace', artefact);
  await assertRequirement(db, requirementId);
  await db.kysely.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('requirementTraces')
      .where('requirementId', '=', requirementId)
      .where('artefactId', '=', artefact.id)
      .where('clauseRef', '=', clauseRef)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0)
      throw notFound(`${requirementId} is not traced to ${artefact.reference} clause ${clauseRef}`);
    await writeAudit(trx, {
      actorId: actor.id,
      action: 'requirement.untrace',
      entity: 'requirement',
      entityId: requirementId,
      before: { artefactId: artefact.id, clauseRef },
    });
  });
}
