import type { Db } from '../db/database.js';
import { writeAudit } from '../db/audit.js';
import { isUniqueViolation } from '../db/errors.js';
import type { VersionRow } from '../db/queries/artefacts.js';
import { renderDocumentHtml } from '../domain/markdown.js';
import { parseClauses } from '../domain/parseClauses.js';
import { conflict, payloadTooLarge } from '../errors.js';
import { newId, nowIso } from '../lib/ids.js';
import { authorize, type Actor } from '../policies/index.js';

export const MAX_VERSION_BYTES = 5 * 1024 * 1024;

export interface PublishVersionInput {
  label: string;
  body: string;
  changeNote: string;
  incorporates: string[];
}

/** Versions are immutable: publishing stores a new one and makes it the artefact's current version. */
export async function publishVersion(
  db: Db,
  actor: Actor,
  artefact: { id: string; code: string; reference: string },
  input: PublishVersionInput,
): Promise<VersionRow> {
  authorize(actor, 'version.publish', artefact);
  if (Buffer.byteLength(input.body, 'utf8') > MAX_VERSION_BYTES) {
    throw payloadTooLarge('A version body may be at most 5 MB');
  }
  const parsed = parseClauses(input.body);
  const version: VersionRow = {
    id: newId(),
    artefactId: artefact.id,
    label: input.label.trim(),
    body: input.body,
    html: renderDocumentHtml(parsed),
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
      const taken = await trx
        .selectFrom('artefactVersions')
        .select('id')
        .where('artefactId', '=', artefact.id)
        .where('label', '=', version.label)
        .executeTakeFirst();
      if (taken) throw duplicate();
      await trx.insertInto('artefactVersions').values(version).execute();
      await trx
        .updateTable('artefacts')
        .set({ currentVersionId: version.id, updatedAt: version.createdAt })
        .where('id', '=', artefact.id)
        .execute();
      const { body: _body, html: _html, clauses: _clauses, ...summary } = version;
      await writeAudit(trx, {
        actorId: actor.id,
        action: 'version.publish',
        entity: 'artefact',
        entityId: artefact.id,
        after: { ...summary, clauseCount: parsed.clauses.length },
      });
      return version;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicate();
    throw err;
  }
}
