// Puts a demo database where the M6 journey can be walked in the browser: a draft of every
// artefact, an open consultation over all of them, every participant organisation's due-process
// response, and CR053 linked to BSCP707 (so SC2 waits for a version that incorporates it). Each
// step runs only once.
import { createConsultation } from '../../server/commands/createConsultation.js';
import { publishVersion } from '../../server/commands/publishVersion.js';
import { recordDueProcessResponse } from '../../server/commands/recordDueProcessResponse.js';
import { updateChange } from '../../server/commands/saveChange.js';
import type { Db } from '../../server/db/database.js';
import { findUserByEmail, type UserRow } from '../../server/db/queries/users.js';
import type { Actor } from '../../server/policies/index.js';
import { demoDraftFor } from './drafts.js';
import { GLOSSARY_ARTEFACTS } from '../../server/commands/checkVersionPlainEnglish.js';
import { seedDemoEvidence } from './seedDemoEvidence.js';

const actorOf = (u: UserRow): Actor => ({
  id: u.id,
  role: u.role,
  code: u.code,
  organisationId: u.organisationId,
});

const DEMO_RESPONDENTS = [
  ['participant@demo.m6.example', 'More Code/participant meetings'],
  ['dno@demo.m6.example', 'Better redlining of text'],
  ['dsp@demo.m6.example', ''],
] as const;

const isGlossary = (a: { code: string; reference: string }) =>
  GLOSSARY_ARTEFACTS.some((g) => g.code === a.code && g.reference === a.reference);

async function demoUser(db: Db, email: string): Promise<Actor> {
  const user = await findUserByEmail(db, email);
  if (!user) throw new Error(`demo user ${email} is missing`);
  return actorOf(user);
}

export async function seedDemoReview(db: Db): Promise<string[]> {
  const done: string[] = [];
  const authors: Record<string, Actor> = {
    BSC: await demoUser(db, 'bsc@demo.m6.example'),
    REC: await demoUser(db, 'rec@demo.m6.example'),
    DCUSA: await demoUser(db, 'dcusa@demo.m6.example'),
  };
  const artefacts = await db.kysely
    .selectFrom('artefacts')
    .selectAll()
    .orderBy('position')
    .execute();
  let drafts = 0;
  // The glossaries first, so that every other draft is checked against their definitions.
  const glossaryFirst = [...artefacts].sort(
    (a, b) => Number(!isGlossary(a)) - Number(!isGlossary(b)),
  );
  for (const a of glossaryFirst) {
    const author = authors[a.code];
    if (a.currentVersionId || !author) continue;
    const body = demoDraftFor(a);
    await publishVersion(db, author, a, {
      label: 'demo-draft-1',
      body,
      changeNote: `Illustrative text created by npm run seed:demo; not the published ${a.reference}.`,
      incorporates: [],
    });
    drafts++;
  }
  if (drafts) done.push(`published illustrative drafts of ${drafts} artefacts`);

  const programme = await demoUser(db, 'programme@demo.m6.example');
  const consultation = await db.kysely.selectFrom('consultations').select('id').executeTakeFirst();
  if (!consultation) {
    const now = Date.now();
    await createConsultation(db, programme, {
      title: 'M6 industry consultation (demo)',
      opensAt: new Date(now - 3600_000).toISOString(),
      closesAt: new Date(now + 14 * 86_400_000).toISOString(),
      artefacts: artefacts.map((a) => a.id),
    });
    done.push('opened a 14-day consultation over every artefact');
  }
  done.push(...(await seedDemoEvidence(db, programme, artefacts)));

  // Coverage is over every participant organisation, so each demo organisation responds.
  for (const [email, lessonsLearnt] of DEMO_RESPONDENTS) {
    const participant = await demoUser(db, email);
    const responded = await db.kysely
      .selectFrom('dueProcessResponses')
      .select('id')
      .where('organisationId', '=', participant.organisationId ?? '')
      .executeTakeFirst();
    if (responded) continue;
    const yes = { confirmed: true, text: null };
    await recordDueProcessResponse(db, participant, {
      answers: {
        engaged: yes,
        input: yes,
        commentsAddressed: yes,
        designTranslated: yes,
        artefactsMakeSense: yes,
      },
      lessonsLearnt,
    });
    done.push(`recorded a due-process response from ${email}`);
  }

  const link = await db.kysely
    .selectFrom('changeArtefacts as ca')
    .innerJoin('artefacts as a', 'a.id', 'ca.artefactId')
    .select('ca.changeId')
    .where('ca.changeId', '=', 'CR053')
    .executeTakeFirst();
  const bscp707 = artefacts.find((a) => a.reference === 'BSCP707');
  if (!link && bscp707) {
    await updateChange(db, programme, 'CR053', { artefacts: [bscp707.id] });
    done.push('linked CR053 (ISD Publication Frequency Change) to BSCP707');
  }
  return done;
}
