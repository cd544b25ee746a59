// The evidence readiness asks for before it passes (issue 10): SC1 wants every artefact's design
// requirements traced or an audited statement that none apply, and Blue wants a consultation that
// has closed. The demo drafts are illustrative, so they state that no design requirement applies,
// saying why, and an earlier, closed round of consultation precedes the open one.
import { createConsultation } from '../../server/commands/createConsultation.js';
import { markNoRequirements } from '../../server/commands/markNoRequirements.js';
import type { Db } from '../../server/db/database.js';
import type { Actor } from '../../server/policies/index.js';

const DAY = 86_400_000;
const FIRST_ROUND = 'M6 first round (demo, closed)';
const REASON =
  'Illustrative demo draft: it carries no MHHS design requirement. In a real review the code body traces the requirements to clauses, or states here why none apply.';

interface DemoArtefact {
  id: string;
  code: string;
  reference: string;
  noRequirementsReason: string | null;
}

export async function seedDemoEvidence(
  db: Db,
  programme: Actor,
  artefacts: DemoArtefact[],
): Promise<string[]> {
  const done: string[] = [];
  const traced = new Set(
    (await db.kysely.selectFrom('requirementTraces').select('artefactId').execute()).map(
      (t) => t.artefactId,
    ),
  );
  let stated = 0;
  for (const a of artefacts) {
    if (a.noRequirementsReason !== null || traced.has(a.id)) continue;
    await markNoRequirements(db, programme, a, REASON);
    stated++;
  }
  if (stated)
    done.push(`stated, with a reason, that no design requirements apply to ${stated} artefacts`);

  const firstRound = await db.kysely
    .selectFrom('consultations')
    .select('id')
    .where('title', '=', FIRST_ROUND)
    .executeTakeFirst();
  if (!firstRound) {
    const now = Date.now();
    await createConsultation(db, programme, {
      title: FIRST_ROUND,
      opensAt: new Date(now - 30 * DAY).toISOString(),
      closesAt: new Date(now - 16 * DAY).toISOString(),
      artefacts: artefacts.map((a) => a.id),
    });
    done.push('recorded an earlier, closed round of consultation over every artefact');
  }
  return done;
}
