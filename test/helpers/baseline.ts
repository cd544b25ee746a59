import { hoursFromNow, openConsultation, stateNoRequirements } from './fixtures.js';
import type { TestServer, TestUser } from './server.js';

type Signed = TestUser & { token: string };

const CLEAN = [
  '1. GENERAL',
  '',
  '1.1 Scope',
  '',
  '1.1.1 This document sets out the rules for the service.',
].join('\n');

async function ok(res: Promise<{ status: number; body: unknown }>, what: string) {
  const done = await res;
  if (done.status >= 300) throw new Error(`${what}: ${done.status} ${JSON.stringify(done.body)}`);
  return done.body as { data: Record<string, unknown> };
}

/**
 * Takes the seeded registry to the M6 baseline through the API: a clean v1 of every artefact,
 * "no design requirements" statements, a consultation, `beforePaper` (e.g. comments to defer)
 * once the consultation is open, a due-process response from the one participant organisation,
 * then CCAG's recommendation and the SRO's approval of a ready paper.
 */
export async function reachBaseline(
  server: TestServer,
  beforePaper: (
    artefacts: { id: string; code: string; reference: string }[],
    cast: { codeBodies: Record<string, Signed>; participant: Signed },
  ) => Promise<void>,
): Promise<{ programme: Signed; codeBodies: Record<string, Signed> }> {
  const codeBodies: Record<string, Signed> = {};
  for (const code of ['BSC', 'REC', 'DCUSA'])
    codeBodies[code] = await server.signedIn('code_body', { code });
  const programme = await server.signedIn('programme');
  const sro = await server.signedIn('sro');
  const participant = await server.signedIn('participant');
  const artefacts = (await server.api('/api/artefacts', { token: programme.token })).body.data as {
    id: string;
    code: string;
    reference: string;
  }[];
  for (const a of artefacts)
    await ok(
      server.api(`/api/artefacts/${a.id}/versions`, {
        token: codeBodies[a.code]?.token,
        body: { label: 'v1', body: CLEAN },
      }),
      `publishing ${a.reference}`,
    );
  const ids = artefacts.map((a) => a.id);
  await stateNoRequirements(server, programme.token, ids);
  await openConsultation(server, programme.token, ids, { closesAt: hoursFromNow(48) });
  await beforePaper(artefacts, { codeBodies, participant });
  const answers = Object.fromEntries(
    ['engaged', 'input', 'commentsAddressed', 'designTranslated', 'artefactsMakeSense'].map((k) => [
      k,
      { confirmed: true },
    ]),
  );
  await ok(
    server.api('/api/due-process/responses', {
      token: participant.token,
      body: { answers, lessonsLearnt: 'Lessons' },
    }),
    'due process',
  );
  const paper = await ok(
    server.api('/api/recommendations', { method: 'POST', token: programme.token }),
    'paper',
  );
  if (paper.data.verdict !== 'ready')
    throw new Error(
      `the paper is not ready: ${JSON.stringify(paper.data.readiness)}`.slice(0, 3000),
    );
  const decide = (token: string, body: string, outcome: string) =>
    ok(
      server.api(`/api/recommendations/${String(paper.data.id)}/decisions`, {
        token,
        body: { body, outcome, notes: 'Minuted' },
      }),
      `${body} decision`,
    );
  await decide(programme.token, 'CCAG', 'recommended');
  await decide(sro.token, 'SRO', 'approved');
  return { programme, codeBodies };
}
