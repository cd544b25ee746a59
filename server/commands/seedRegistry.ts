import type { Kysely } from 'kysely';
import type { Db } from '../db/database.js';
import type { ChangeTable, Database } from '../db/schema.js';
import changeSeed from '../db/seed/changes.json' with { type: 'json' };
import registry from '../db/seed/registry.json' with { type: 'json' };
import { newId, nowIso } from '../lib/ids.js';

export const CODE_BODIES = [
  { code: 'BSC', name: 'Balancing and Settlement Code', organisation: 'Elexon' },
  { code: 'REC', name: 'Retail Energy Code', organisation: 'RECCo' },
  {
    code: 'DCUSA',
    name: 'Distribution Connection and Use of System Agreement',
    organisation: 'DCUSA Ltd',
  },
] as const;

export const PROGRAMME_ORGANISATION = 'MHHS Programme';
const SEED_KEY = 'registry_seed';
const SEED_VERSION = '1';
// The seed pack's Change Requests have their own marker, so that adding them to a database whose
// registry was seeded before never re-seeds (or touches) its artefacts.
const CHANGES_SEED_KEY = 'changes_seed';
const CHANGES_SEED_VERSION = '1';

/**
 * Seeds the real M6 registry once. A marker in `meta` makes restarts a no-op, so artefacts that
 * users edited are never overwritten.
 */
export async function seedRegistry(db: Db): Promise<{ seeded: boolean; artefacts: number }> {
  return db.kysely.transaction().execute(async (trx) => {
    await seedChanges(trx);
    const marker = await trx
      .selectFrom('meta')
      .select('value')
      .where('key', '=', SEED_KEY)
      .executeTakeFirst();
    if (marker?.value === SEED_VERSION) return { seeded: false, artefacts: 0 };

    const now = nowIso();
    for (const body of CODE_BODIES) {
      const exists = await trx
        .selectFrom('codeBodies')
        .select('code')
        .where('code', '=', body.code)
        .executeTakeFirst();
      if (!exists)
        await trx.insertInto('codeBodies').values({ code: body.code, name: body.name }).execute();
    }
    const organisations = [
      ...CODE_BODIES.map((b) => ({
        name: b.organisation,
        kind: 'code_body' as const,
        code: b.code,
      })),
      { name: PROGRAMME_ORGANISATION, kind: 'programme' as const, code: null },
    ];
    for (const org of organisations) {
      const exists = await trx
        .selectFrom('organisations')
        .select('id')
        .where('name', '=', org.name)
        .executeTakeFirst();
      if (!exists) {
        await trx
          .insertInto('organisations')
          .values({
            id: newId(),
            name: org.name,
            kind: org.kind,
            marketRole: null,
            code: org.code,
            createdAt: now,
          })
          .execute();
      }
    }

    const existing = new Set(
      (await trx.selectFrom('artefacts').select('slug').execute()).map((row) => row.slug),
    );
    const missing = registry.artefacts
      .map((a, position) => ({ ...a, position }))
      .filter((a) => !existing.has(a.slug));
    for (const a of missing) {
      await trx
        .insertInto('artefacts')
        .values({
          id: newId(),
          slug: a.slug,
          code: a.code,
          kind: a.kind,
          reference: a.reference,
          title: a.title,
          topicArea: a.topicArea,
          status: a.status,
          bragOverride: null,
          bragOverrideReason: null,
          currentVersionId: null,
          position: a.position,
          createdAt: now,
          updatedAt: now,
        })
        .execute();
    }
    await trx.deleteFrom('meta').where('key', '=', SEED_KEY).execute();
    await trx.insertInto('meta').values({ key: SEED_KEY, value: SEED_VERSION }).execute();
    return { seeded: true, artefacts: missing.length };
  });
}

/**
 * Seeds the Change Requests named in the seed pack, once. They affect no artefact until someone
 * links them (the pack does not say which), so they block nothing by themselves. A change that
 * already exists (recorded by hand before this ran) is left as it is.
 */
async function seedChanges(trx: Kysely<Database>): Promise<number> {
  const marker = await trx
    .selectFrom('meta')
    .select('value')
    .where('key', '=', CHANGES_SEED_KEY)
    .executeTakeFirst();
  if (marker?.value === CHANGES_SEED_VERSION) return 0;
  const existing = new Set(
    (await trx.selectFrom('changes').select('id').execute()).map((row) => row.id),
  );
  const now = nowIso();
  const missing = changeSeed.changes.filter((c) => !existing.has(c.id));
  for (const c of missing) {
    await trx
      .insertInto('changes')
      .values({
        id: c.id,
        type: c.id.startsWith('DIN') ? 'DIN' : 'CR',
        title: c.title,
        status: c.status as ChangeTable['status'],
        decidedAt: c.decidedAt,
        postM6: 0,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
  }
  await trx.deleteFrom('meta').where('key', '=', CHANGES_SEED_KEY).execute();
  await trx
    .insertInto('meta')
    .values({ key: CHANGES_SEED_KEY, value: CHANGES_SEED_VERSION })
    .execute();
  return missing.length;
}
