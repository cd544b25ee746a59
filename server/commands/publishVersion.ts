import type { Kysely } from 'kysely';
import type { Db } from '../db/database.js';
import { writeAudit } from '../db/audit.js';
import {
  checkVersionPlainEnglish,
  findPlainEnglish,
  loadPlainEnglishSettings,
  sameSettings,
} from './checkVersionPlainEnglish.js';
import { carryWaivers, planCarriedWaivers } from './carryWaivers.js';
import {
  indexCrossReferences,
  isCitedElsewhere,
  type PlannedRenumbering,
} from '../db/crossReferences.js';
import { isUniqueViolation } from '../db/errors.js';
import { lockM6State } from '../db/m6Lock.js';
import { recordResolvedComments } from '../db/resolvedComments.js';
import { indexVersionClauses } from '../db/searchIndex.js';
import type { VersionRow } from '../db/queries/artefacts.js';
import type { Database } from '../db/schema.js';
import { clauseTextSize, runTask } from '../lib/offThread.js';
import { nextTurn } from '../lib/nextTurn.js';
import type { Clause } from '../domain/parseClauses.js';
import { badRequest, conflict, payloadTooLarge } from '../errors.js';
import { newId, nowIso } from '../lib/ids.js';
import { authorize, type Actor } from '../policies/index.js';
import { versionPublished } from '../notifications/commentEvents.js';

export const MAX_VERSION_BYTES = 5 * 1024 * 1024;

export interface PublishVersionInput {
  label: string;
  body: string;
  changeNote: string;
  incorporates: string[];
  /** Refs of the accepted comments whose proposals this version applies. */
  resolves?: string[];
  /** Where the Markdown came from, for the audit trail: typed Markdown or a converted Word file. */
  source?: 'markdown' | 'docx';
  /** The uploaded file's name, when there was one. */
  sourceFile?: string;
}

/**
 * Every change a version incorporates must exist; once an artefact is in the M6 baseline, a new
 * version must name an approved post-M6 change.
 */
async function checkIncorporates(
  trx: Kysely<Database>,
  artefact: { id: string; reference: string },
  incorporates: string[],
): Promise<void> {
  const known = incorporates.length
    ? await trx
        .selectFrom('changes')
        .select(['id', 'status', 'postM6'])
        .where('id', 'in', incorporates)
        .execute()
    : [];
  const unknown = incorporates.filter((id) => !known.some((c) => c.id === id));
  if (unknown.length) {
    throw badRequest(
      `body.incorporates: unknown change ${unknown.map((id) => `"${id}"`).join(', ')}; add it to the change register first`,
    );
  }
  const baselined = await trx
    .selectFrom('baselineVersions')
    .select('artefactId')
    .where('artefactId', '=', artefact.id)
    .executeTakeFirst();
  const postM6 = known.some(
    (c) => c.postM6 === 1 && (c.status === 'approved' || c.status === 'implemented'),
  );
  if (baselined && !postM6) {
    throw conflict(
      `${artefact.reference} is in the M6 baseline: a new version must incorporate an approved post-M6 change`,
    );
  }
}

/**
 * When other artefacts cite this one, how its current version's clauses are renumbered in the new
 * one: aligning 2,000 clauses with 2,000 takes a while, so it is done on the worker thread before
 * the transaction, which uses it if no other version was published meanwhile.
 */
async function planRenumbering(
  db: Db,
  artefactId: string,
  clauses: Clause[],
): Promise<PlannedRenumbering | undefined> {
  if (!(await isCitedElsewhere(db.kysely, artefactId))) return undefined;
  const current = await db.kysely
    .selectFrom('artefacts')
    .innerJoin('artefactVersions as v', 'v.id', 'artefacts.currentVersionId')
    .select(['v.id', 'v.clauses'])
    .where('artefacts.id', '=', artefactId)
    .executeTakeFirst();
  if (!current) return undefined;
  const from = JSON.parse(current.clauses) as Clause[];
  const moved = await runTask(
    'renumbering',
    [from, clauses],
    clauseTextSize(from) + clauseTextSize(clauses),
  );
  return { fromVersionId: current.id, moved };
}

export interface PublishedVersion extends VersionRow {
  /** Lines that looked like clause numbers but were read as text, for the uploader to check. */
  parseNotes: string[];
}

/** Versions are immutable: publishing stores a new one and makes it the artefact's current version. */
export async function publishVersion(
  db: Db,
  actor: Actor,
  artefact: { id: string; code: string; reference: string },
  input: PublishVersionInput,
): Promise<PublishedVersion> {
  authorize(actor, 'version.publish', artefact);
  if (Buffer.byteLength(input.body, 'utf8') > MAX_VERSION_BYTES) {
    throw payloadTooLarge('A version body may be at most 5 MB');
  }
  // Parsing, rendering and checking 5 MB take a second: off the main thread, and before the
  // transaction, so that nothing waits on them (SQLite has one connection).
  const { parsed, html, citations } = await runTask(
    'prepareVersion',
    [input.body],
    input.body.length,
  );
  const settings = await loadPlainEnglishSettings(db.kysely);
  const found = await findPlainEnglish(parsed.clauses, settings);
  const carryPlan = await planCarriedWaivers(db.kysely, artefact.id, parsed.clauses);
  const renumbered = await planRenumbering(db, artefact.id, parsed.clauses);
  const version: VersionRow = {
    id: newId(),
    artefactId: artefact.id,
    label: input.label.trim(),
    body: input.body,
    html,
    clauses: JSON.stringify(parsed.clauses),
    changeNote: input.changeNote,
    incorporates: JSON.stringify([...new Set(input.incorporates)]),
    authorId: actor.id,
    isBaseline: 0,
    createdAt: nowIso(),
  };
  const duplicate = () =>
    conflict(`${artefact.reference} already has a version labelled "${version.label}"`);
  try {
    return await db.kysely.transaction().execute(async (trx) => {
      // Serialises with the SRO's approval: the baseline check below sees an approval that went
      // first, and an approval that comes later sees this version (see m6Lock.ts).
      await lockM6State(trx, db.dialect, 'shared');
      const taken = await trx
        .selectFrom('artefactVersions')
        .select('id')
        .where('artefactId', '=', artefact.id)
        .where('label', '=', version.label)
        .executeTakeFirst();
      if (taken) throw duplicate();
      await checkIncorporates(trx, artefact, JSON.parse(version.incorporates) as string[]);
      const replaced = await trx
        .selectFrom('artefacts')
        .select('currentVersionId')
        .where('id', '=', artefact.id)
        .executeTakeFirst();
      await trx.insertInto('artefactVersions').values(version).execute();
      await indexVersionClauses(trx, version, parsed.clauses);
      const resolves = await recordResolvedComments(
        trx,
        artefact.id,
        version.id,
        input.resolves ?? [],
      );
      await trx
        .updateTable('artefacts')
        .set({ currentVersionId: version.id, updatedAt: version.createdAt })
        .where('id', '=', artefact.id)
        .execute();
      // The glossary is read through this transaction, so a new Annex X-1 counts at once.
      const current = await loadPlainEnglishSettings(trx);
      const findings = await checkVersionPlainEnglish(
        trx,
        { id: version.id, artefactId: artefact.id, clauses: parsed.clauses },
        current,
        sameSettings(settings, current) ? found : undefined,
      );
      const carriedWaivers = await carryWaivers(
        trx,
        actor,
        replaced?.currentVersionId ?? null,
        { id: version.id, clauses: parsed.clauses },
        carryPlan,
      );
      await nextTurn();
      await indexCrossReferences(
        trx,
        artefact,
        { id: version.id, clauses: parsed.clauses, citations },
        replaced?.currentVersionId ?? null,
        renumbered,
      );
      await versionPublished(trx, actor.id, version, resolves);
      const { body: _body, html: _html, clauses: _clauses, ...summary } = version;
      await writeAudit(trx, {
        actorId: actor.id,
        action: 'version.publish',
        entity: 'artefact',
        entityId: artefact.id,
        after: {
          ...summary,
          clauseCount: parsed.clauses.length,
          resolves,
          plainEnglishFindings: findings,
          carriedWaivers,
          source: input.source ?? 'markdown',
          ...(input.sourceFile === undefined ? {} : { sourceFile: input.sourceFile.slice(0, 255) }),
        },
      });
      return { ...version, parseNotes: parsed.notes ?? [] };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicate();
    throw err;
  }
}
