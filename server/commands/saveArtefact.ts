import type { Db } from '../db/database.js';
import { writeAudit } from '../db/audit.js';
import type { ArtefactRow } from '../db/queries/artefacts.js';
import { chooseArtefactSlug } from '../domain/slugs.js';
import type { ArtefactKind } from '../domain/vocabulary.js';
import { badRequest, notFound } from '../errors.js';
import { newId, nowIso } from '../lib/ids.js';

export interface ArtefactFields {
  code: string;
  kind: ArtefactKind;
  reference: string;
  title: string;
  topicArea: string;
}

export async function createArtefact(
  db: Db,
  actorId: string,
  input: ArtefactFields,
): Promise<ArtefactRow> {
  return db.kysely.transaction().execute(async (trx) => {
    const code = await trx
      .selectFrom('codeBodies')
      .select('code')
      .where('code', '=', input.code)
      .executeTakeFirst();
    if (!code) throw badRequest(`body.code: unknown code "${input.code}"`);
    const slugs = new Set(
      (await trx.selectFrom('artefacts').select('slug').execute()).map((r) => r.slug),
    );
    const last = await trx
      .selectFrom('artefacts')
      .select((eb) => eb.fn.max('position').as('position'))
      .executeTakeFirst();
    const now = nowIso();
    const artefact: ArtefactRow = {
      id: newId(),
      slug: chooseArtefactSlug(input, slugs),
      ...input,
      // The stored column keeps what the registry was imported with; the status shown is computed.
      status: 'Drafting',
      bragOverride: null,
      bragOverrideReason: null,
      noRequirementsReason: null,
      noRequirementsAt: null,
      noRequirementsBy: null,
      currentVersionId: null,
      position: Number(last?.position ?? -1) + 1,
      createdAt: now,
      updatedAt: now,
    };
    await trx.insertInto('artefacts').values(artefact).execute();
    await writeAudit(trx, {
      actorId,
      action: 'artefact.create',
      entity: 'artefact',
      entityId: artefact.id,
      after: artefact,
    });
    return artefact;
  });
}

export async function updateArtefact(
  db: Db,
  actorId: string,
  artefactId: string,
  changes: Partial<Omit<ArtefactFields, 'code'>>,
): Promise<ArtefactRow> {
  return db.kysely.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('artefacts')
      .selectAll()
      .where('id', '=', artefactId)
      .executeTakeFirst();
    if (!before) throw notFound(`No artefact with id ${artefactId}`);
    const after: ArtefactRow = { ...before, ...changes, updatedAt: nowIso() };
    await trx
      .updateTable('artefacts')
      .set({ ...changes, updatedAt: after.updatedAt })
      .where('id', '=', artefactId)
      .execute();
    await writeAudit(trx, {
      actorId,
      action: 'artefact.update',
      entity: 'artefact',
      entityId: artefactId,
      before,
      after,
    });
    return after;
  });
}
