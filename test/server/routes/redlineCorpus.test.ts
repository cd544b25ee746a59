import { expect } from 'chai';
import { parseClauses } from '../../../server/domain/parseClauses.js';
import {
  mappingMismatches,
  placementMismatches,
  report,
  statsMismatches,
  type ActualPlacement,
} from '../../fixtures/legalCorpus/compare.js';
import { SCENARIO_BASES, SCENARIOS } from '../../fixtures/legalCorpus/scenarios.js';
import { testDialects } from '../../helpers/db.js';
import { artefactId, openConsultation, postComment, publish } from '../../helpers/fixtures.js';
import { startTestServer, type TestServer, type TestUser } from '../../helpers/server.js';

type Signed = TestUser & { token: string };

interface Published {
  artefactId: string;
  baseVersionId: string;
  /** Comment id -> the base clause it was made on. */
  commentRefs: Map<string, string>;
}

interface Anchored {
  id: string;
  anchor: { versionId: string; clauseRef: string | null; textChanged: boolean };
}

/** The first few words of a clause's text: a quote that really occurs in it. */
const quoteOf = (text: string) => text.split(/\s+/).slice(0, 5).join(' ');

for (const dialect of testDialects()) {
  describe(`the redline corpus through the API (${dialect})`, function () {
    this.timeout(120_000);
    let server: TestServer;
    let alice: Signed;
    const bases = new Map<string, Published>();
    /** Scenario name -> the version its edited text was published as. */
    const versions = new Map<string, { id: string; label: string }>();

    before(async () => {
      server = await startTestServer({ dialect });
      const bsc = await server.signedIn('code_body', { code: 'BSC' });
      const programme = await server.signedIn('programme');
      alice = await server.signedIn('participant');
      for (const { artefact, base } of SCENARIO_BASES) {
        const id = await artefactId(server, bsc.token, artefact);
        const v1 = await publish(server, bsc, id, base, 'v1');
        bases.set(artefact, { artefactId: id, baseVersionId: v1.id, commentRefs: new Map() });
      }
      await openConsultation(
        server,
        programme.token,
        [...bases.values()].map((b) => b.artefactId),
      );
      // One comment on every clause of each base, some quoting the clause.
      for (const { artefact, base } of SCENARIO_BASES) {
        const published = bases.get(artefact) as Published;
        const clauses = parseClauses(base).clauses;
        for (const [i, clause] of clauses.entries()) {
          const quote = clause.text !== '' && i % 3 === 0 ? quoteOf(clause.text) : undefined;
          const res = await postComment(server, alice.token, published.artefactId, {
            versionId: published.baseVersionId,
            clauseRef: clause.ref,
            body: `Comment on ${clause.ref}`,
            ...(quote ? { quote } : {}),
          });
          if (res.status !== 201)
            throw new Error(`comment on ${clause.ref}: ${res.status} ${JSON.stringify(res.body)}`);
          published.commentRefs.set(res.body.data.id as string, clause.ref);
        }
      }
      const labels = new Map<string, number>();
      for (const scenario of SCENARIOS) {
        const published = bases.get(scenario.artefact) as Published;
        const n = (labels.get(scenario.artefact) ?? 1) + 1;
        labels.set(scenario.artefact, n);
        const label = `v${n}`;
        const version = await publish(server, bsc, published.artefactId, scenario.edited, label);
        versions.set(scenario.name, { id: version.id, label });
      }
    });
    after(() => server.close());

    /** Every comment of the artefact placed on a version, page by page. */
    async function placedComments(artefact: string, versionId: string): Promise<Anchored[]> {
      const comments: Anchored[] = [];
      let cursor: string | null = null;
      do {
        const page = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
        const res = await server.api(
          `/api/comments?artefactId=${artefact}&versionId=${versionId}&limit=100${page}`,
          { token: alice.token },
        );
        expect(res.status, JSON.stringify(res.body)).to.equal(200);
        comments.push(...(res.body.data as Anchored[]));
        cursor = res.body.nextCursor as string | null;
      } while (cursor);
      return comments;
    }

    for (const scenario of SCENARIOS) {
      describe(scenario.name, () => {
        it('gives the redline mapping and counts of the ground truth', async () => {
          const published = bases.get(scenario.artefact) as Published;
          const to = versions.get(scenario.name)?.id;
          const res = await server.api(
            `/api/artefacts/${published.artefactId}/redline?from=${published.baseVersionId}&to=${to}`,
            { token: alice.token },
          );
          expect(res.status, JSON.stringify(res.body)).to.equal(200);
          expect(res.body.from.id).to.equal(published.baseVersionId);
          expect(res.body.to.id).to.equal(to);
          const problems = [
            ...mappingMismatches(scenario.mapping, res.body.mapping),
            ...statsMismatches(scenario.stats, res.body.stats).map((p) => `stats ${p}`),
          ];
          for (const check of scenario.htmlChecks) {
            const clause = (res.body.clauses as { ref: string; change: string; html: string }[])
              .filter((c) => c.ref === check.toRef && c.change !== 'removed')
              .at(0);
            if (!clause) problems.push(`no changed clause ${check.toRef} in the redline`);
            for (const s of check.includes)
              if (clause && !clause.html.includes(s))
                problems.push(`${check.toRef} html lacks ${s}: ${clause.html}`);
            for (const s of check.excludes)
              if (clause?.html.includes(s))
                problems.push(`${check.toRef} html has ${s}: ${clause.html}`);
          }
          if (problems.length) expect.fail(report(scenario, 'redline', problems));
        });

        it('places every comment on the base where the ground truth does', async () => {
          const published = bases.get(scenario.artefact) as Published;
          const to = versions.get(scenario.name)?.id as string;
          const comments = await placedComments(published.artefactId, to);
          expect(comments.length).to.equal(published.commentRefs.size);
          const byRef = new Map<string, ActualPlacement>();
          const problems: string[] = [];
          for (const c of comments) {
            const ref = published.commentRefs.get(c.id);
            if (!ref) {
              problems.push(`comment ${c.id} was not made by this test`);
              continue;
            }
            if (c.anchor.versionId !== to) problems.push(`${ref}: placed on another version`);
            byRef.set(ref, { ref: c.anchor.clauseRef, textChanged: c.anchor.textChanged });
          }
          problems.push(...placementMismatches(scenario.placements, (ref) => byRef.get(ref)));
          if (problems.length) expect.fail(report(scenario, 'comment anchor', problems));
        });
      });
    }
  });
}
