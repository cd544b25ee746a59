import { expect } from 'chai';
import pg from 'pg';
import { sql } from 'kysely';
import { isUniqueViolation } from '../../../server/db/errors.js';
import { testDialects } from '../../helpers/db.js';
import { openConsultation, publish, stateNoRequirements } from '../../helpers/fixtures.js';
import { startSecondInstance, type SecondInstance } from '../../helpers/secondInstance.js';
import { startTestServer, type TestServer, type TestUser } from '../../helpers/server.js';

// The transitions that must happen once, raced across two app instances on one database (two
// connections, as two instances behind a load balancer would be).

type Signed = TestUser & { token: string };

const CLEAN = [
  '1. GENERAL',
  '',
  '1.1 Scope',
  '',
  '1.1.1 This document sets out the rules for the service.',
].join('\n');
// "as appropriate" is vague wording: publishing this raises a plain-English finding.
const VAGUE = `${CLEAN}\n\n1.1.2 The Supplier shall provide data as appropriate.`;

interface World {
  server: TestServer;
  other: SecondInstance;
  bsc: Signed;
  programme: Signed;
  sro: Signed;
  artefactId: string;
  paperId: string;
  close(): Promise<void>;
}

/**
 * A registry of one BSC artefact that is ready for M6: a version, consulted on, a due-process
 * response, and a "ready" paper (which CCAG has recommended, when asked).
 */
async function readyWorld(
  dialect: 'sqlite' | 'postgres',
  opts: { recommend: boolean },
): Promise<World> {
  const server = await startTestServer({ dialect, seedRegistry: false });
  await server.db.kysely
    .insertInto('codeBodies')
    .values({ code: 'BSC', name: 'Balancing and Settlement Code' })
    .execute();
  const other = await startSecondInstance(server);
  const bsc = await server.signedIn('code_body', { code: 'BSC' });
  const programme = await server.signedIn('programme');
  const sro = await server.signedIn('sro');
  const alice = await server.signedIn('participant');
  const created = await server.api('/api/artefacts', {
    token: programme.token,
    body: { code: 'BSC', kind: 'section', reference: 'Section S', title: 'Volume Allocation' },
  });
  expect(created.status, JSON.stringify(created.body)).to.equal(201);
  const artefactId = created.body.data.id as string;
  await publish(server, bsc, artefactId, CLEAN, 'v1');
  await stateNoRequirements(server, programme.token, [artefactId]);
  await openConsultation(server, programme.token, [artefactId]);
  const answers = Object.fromEntries(
    ['engaged', 'input', 'commentsAddressed', 'designTranslated', 'artefactsMakeSense'].map((k) => [
      k,
      { confirmed: true },
    ]),
  );
  const dp = await server.api('/api/due-process/responses', {
    token: alice.token,
    body: { answers },
  });
  expect(dp.status).to.be.oneOf([200, 201]);
  const paper = await server.api('/api/recommendations', {
    method: 'POST',
    token: programme.token,
  });
  expect(paper.body.data.verdict, JSON.stringify(paper.body.data.readiness)).to.equal('ready');
  const paperId = paper.body.data.id as string;
  if (opts.recommend) {
    const ccag = await decide(server, paperId, programme.token, 'CCAG', 'recommended');
    expect(ccag.status).to.equal(201);
  }
  return {
    server,
    other,
    bsc,
    programme,
    sro,
    artefactId,
    paperId,
    async close() {
      await other.close();
      await server.close();
    },
  };
}

function decide(
  api: { api: TestServer['api'] },
  paperId: string,
  token: string,
  body: 'CCAG' | 'SRO',
  outcome: string,
) {
  return api.api(`/api/recommendations/${paperId}/decisions`, {
    token,
    body: { body, outcome, notes: 'Minuted' },
  });
}

/** 201 or a JSON 409, never anything else. */
function expectWonOrConflict(res: { status: number; body: unknown }): void {
  expect(res.status, JSON.stringify(res.body)).to.be.oneOf([201, 409]);
  if (res.status === 409)
    expect((res.body as { error: { code: string } }).error.code).to.equal('conflict');
}

/**
 * After any interleaving: at most one baseline, and every artefact's current version is in it
 * or incorporates an approved post-M6 change.
 */
async function expectBaselineHolds(world: World): Promise<void> {
  const k = world.server.db.kysely;
  const baselines = await k.selectFrom('baselines').select('id').execute();
  expect(baselines.length).to.be.at.most(1);
  if (!baselines.length) return;
  const frozen = new Set(
    (await k.selectFrom('baselineVersions').select('versionId').execute()).map((r) => r.versionId),
  );
  const current = await k
    .selectFrom('artefacts as a')
    .innerJoin('artefactVersions as v', 'v.id', 'a.currentVersionId')
    .select(['a.reference', 'v.id', 'v.label', 'v.incorporates'])
    .execute();
  const postM6 = new Set(
    (
      await k
        .selectFrom('changes')
        .select('id')
        .where('postM6', '=', 1)
        .where('status', 'in', ['approved', 'implemented'])
        .execute()
    ).map((c) => c.id),
  );
  for (const v of current) {
    const backed = (JSON.parse(v.incorporates) as string[]).some((id) => postM6.has(id));
    expect(frozen.has(v.id) || backed, `${v.reference} ${v.label} escaped the baseline`).to.equal(
      true,
    );
  }
}

for (const dialect of testDialects()) {
  describe(`exactly-once M6 transitions across two instances (${dialect})`, function () {
    this.timeout(300_000);

    it('ten concurrent SRO approvals make one baseline; the other nine get 409', async () => {
      const world = await readyWorld(dialect, { recommend: true });
      try {
        const results = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            decide(
              i % 2 ? world.other : world.server,
              world.paperId,
              world.sro.token,
              'SRO',
              'approved',
            ),
          ),
        );
        results.forEach(expectWonOrConflict);
        expect(results.filter((r) => r.status === 201)).to.have.length(1);
        const k = world.server.db.kysely;
        expect(await k.selectFrom('baselines').select('id').execute()).to.have.length(1);
        expect(await k.selectFrom('baselineVersions').select('versionId').execute()).to.have.length(
          1,
        );
        const approvals = await k
          .selectFrom('decisions')
          .select('id')
          .where('outcome', '=', 'approved')
          .execute();
        expect(approvals).to.have.length(1);
      } finally {
        await world.close();
      }
    });

    it('refuses a second baseline row in the schema itself', async () => {
      const world = await readyWorld(dialect, { recommend: false });
      try {
        const k = world.server.db.kysely;
        const row = { recommendationId: world.paperId, createdAt: new Date().toISOString() };
        await k
          .insertInto('baselines')
          .values({ id: 'b1', ...row })
          .execute();
        let refused: unknown;
        await k
          .insertInto('baselines')
          .values({ id: 'b2', ...row })
          .execute()
          .catch((err: unknown) => {
            refused = err;
          });
        expect(isUniqueViolation(refused), `a second baseline row: ${String(refused)}`).to.equal(
          true,
        );
      } finally {
        await world.close();
      }
    });

    it('an approval racing a publish on another instance never leaves a version outside the baseline (20 rounds)', async () => {
      for (let round = 0; round < 20; round++) {
        const world = await readyWorld(dialect, { recommend: true });
        try {
          const [approval, published] = await Promise.all([
            decide(world.server, world.paperId, world.sro.token, 'SRO', 'approved'),
            world.other.api(`/api/artefacts/${world.artefactId}/versions`, {
              token: world.bsc.token,
              body: { label: 'v2', body: `${CLEAN}\n\n1.1.2 Round ${round}.` },
            }),
          ]);
          expectWonOrConflict(approval);
          expectWonOrConflict(published);
          // One goes first: approval then publish (409, needs a post-M6 change), or publish then
          // approval (409, the state has changed since the paper).
          expect(
            [approval.status, published.status].filter((s) => s === 201),
            `round ${round}`,
          ).to.have.length(1);
          await expectBaselineHolds(world);
        } finally {
          await world.close();
        }
      }
    });

    it("CCAG's decision and the SRO's approval serialise: only one of them takes effect (5 rounds)", async () => {
      for (let round = 0; round < 5; round++) {
        const world = await readyWorld(dialect, { recommend: true });
        try {
          const [ccag, sro] = await Promise.all([
            decide(world.other, world.paperId, world.programme.token, 'CCAG', 'not-recommended'),
            decide(world.server, world.paperId, world.sro.token, 'SRO', 'approved'),
          ]);
          expectWonOrConflict(ccag);
          expectWonOrConflict(sro);
          // CCAG first: the SRO may not approve what CCAG no longer recommends. SRO first: M6 is
          // baselined and takes no further decisions.
          expect(
            [ccag.status, sro.status].filter((s) => s === 201),
            `round ${round}`,
          ).to.have.length(1);
          await expectBaselineHolds(world);
        } finally {
          await world.close();
        }
      }
    });

    it('two identical consultations created at once on two instances: one 201, one 409', async () => {
      const world = await readyWorld(dialect, { recommend: false });
      try {
        const k = world.server.db.kysely;
        for (let round = 0; round < 5; round++) {
          const title = `Second consultation ${round}`;
          const body = {
            title,
            opensAt: '2030-01-01T09:00:00.000Z',
            closesAt: '2030-02-01T17:00:00.000Z',
            artefacts: [world.artefactId],
          };
          const results = await Promise.all([
            world.server.api('/api/consultations', { token: world.programme.token, body }),
            world.other.api('/api/consultations', { token: world.programme.token, body }),
          ]);
          results.forEach(expectWonOrConflict);
          expect(results.map((r) => r.status).sort()).to.deep.equal([201, 409]);
          const loser = results.find((r) => r.status === 409);
          expect(loser?.body.error.message).to.include(title);
          const stored = await k
            .selectFrom('consultations')
            .select('id')
            .where('title', '=', title)
            .execute();
          expect(stored).to.have.length(1);
        }
        // The same window over other artefacts, or another title, is another consultation.
        const other = await world.server.api('/api/consultations', {
          token: world.programme.token,
          body: {
            title: 'Second consultation 0 (extended)',
            opensAt: '2030-01-01T09:00:00.000Z',
            closesAt: '2030-02-01T17:00:00.000Z',
            artefacts: [world.artefactId],
          },
        });
        expect(other.status).to.equal(201);
      } finally {
        await world.close();
      }
    });

    it('a paper describes one state even when a version is published while it is generated', async () => {
      const world = await readyWorld(dialect, { recommend: false });
      const k = world.server.db.kysely;
      let blocker: pg.Client | undefined;
      try {
        let generating: ReturnType<TestServer['api']>;
        if (dialect === 'postgres') {
          // Hold the paper's read of the consultations (after it has read the artefacts), publish
          // v2 on the other instance meanwhile, then let the paper finish.
          const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(
            k,
          );
          const schema = rows[0]?.schema ?? '';
          blocker = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
          await blocker.connect();
          await blocker.query('begin');
          await blocker.query(`lock table ${schema}.consultations in access exclusive mode`);
          generating = world.server.api('/api/recommendations', {
            method: 'POST',
            token: world.programme.token,
          });
          for (;;) {
            const waiting = await blocker.query(
              `select 1 from pg_locks l join pg_class c on c.oid = l.relation
               join pg_namespace n on n.oid = c.relnamespace
               where not l.granted and n.nspname = $1 and c.relname = 'consultations'`,
              [schema],
            );
            if (waiting.rowCount) break;
            await new Promise((resolve) => setTimeout(resolve, 5));
          }
          const published = await world.other.api(`/api/artefacts/${world.artefactId}/versions`, {
            token: world.bsc.token,
            body: { label: 'v2', body: VAGUE },
          });
          expect(published.status, JSON.stringify(published.body)).to.equal(201);
          await blocker.query('commit');
        } else {
          // SQLite runs one transaction at a time: the race can only interleave whole transactions.
          generating = world.server.api('/api/recommendations', {
            method: 'POST',
            token: world.programme.token,
          });
          const published = await world.other.api(`/api/artefacts/${world.artefactId}/versions`, {
            token: world.bsc.token,
            body: { label: 'v2', body: VAGUE },
          });
          expect(published.status, JSON.stringify(published.body)).to.equal(201);
        }
        const paper = await generating;
        expect(paper.status, JSON.stringify(paper.body)).to.equal(201);
        const readiness = paper.body.data.readiness;
        const label = readiness.artefacts[0].currentVersion.label as string;
        const sc3 = readiness.criteria.find((c: { id: string }) => c.id === 'SC3');
        // v1 is clean and v2 has vague wording: the paper must not show v1 with v2's finding.
        expect({ label, sc3Met: sc3.met }).to.deep.equal(
          label === 'v1' ? { label, sc3Met: true } : { label, sc3Met: false },
        );
        if (dialect === 'postgres') expect(label).to.equal('v1');
      } finally {
        await blocker?.end();
        await world.close();
      }
    });
  });
}
