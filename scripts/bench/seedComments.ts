// Seeds a realistic review load straight into the database: a version and an open consultation
// for every artefact, participants in several organisations, and N comments spread over the
// artefacts with mixed statuses, severities and about 10% confidential.
import { createOrganisation } from '../../server/commands/createOrganisation.js';
import { createUser } from '../../server/commands/createUser.js';
import { formatCommentRef } from '../../server/commands/createComment.js';
import { refreshCommentTallies } from '../../server/db/commentTallies.js';
import type { Db } from '../../server/db/database.js';
import type { CommentRow } from '../../server/db/queries/comments.js';
import {
  COMMENT_CATEGORIES,
  SEVERITIES,
  SEVERITY_RANK,
} from '../../server/domain/commentLifecycle.js';
import { renderDocumentHtml } from '../../server/domain/markdown.js';
import { parseClauses } from '../../server/domain/parseClauses.js';
import { newId } from '../../server/lib/ids.js';
import { seedCurrentVersion } from './harness.js';

export const BENCH_PARTICIPANT = {
  email: 'bench-participant@example.org',
  password: 'bench-participant-pw',
};

const BODY = [
  '1. GENERAL',
  '',
  '1.1 Introduction',
  '',
  '1.1.1 This document sets out the rules.',
  '',
  '1.1.2 It applies to all parties.',
].join('\n');
const STATUSES = [
  'open',
  'open',
  'triaged',
  'accepted',
  'rejected',
  'partially-accepted',
  'deferred',
] as const;

export async function seedComments(db: Db, count: number): Promise<void> {
  const orgs: Awaited<ReturnType<typeof createOrganisation>>[] = [];
  for (let i = 0; i < 10; i++) {
    orgs.push(
      await createOrganisation(db, null, {
        name: `Bench Supplier ${i}`,
        kind: 'participant',
        marketRole: 'supplier',
      }),
    );
  }
  const firstOrg = orgs[0];
  if (!firstOrg) throw new Error('no organisations');
  const author = await createUser(db, null, {
    ...BENCH_PARTICIPANT,
    name: 'Bench Participant',
    role: 'participant',
    organisationId: firstOrg.id,
  });
  const artefacts = await db.kysely.selectFrom('artefacts').select(['id']).execute();
  const parsed = parseClauses(BODY);
  const html = renderDocumentHtml(parsed);
  const start = Date.parse('2026-01-01T00:00:00.000Z');
  await db.kysely.transaction().execute(async (trx) => {
    const versionOf = new Map<string, string>();
    const consultationId = newId();
    await trx
      .insertInto('consultations')
      .values({
        id: consultationId,
        title: 'Bench consultation',
        opensAt: '2026-01-01T00:00:00.000Z',
        closesAt: '2099-01-01T00:00:00.000Z',
        createdBy: null,
        createdAt: '2026-01-01T00:00:00.000Z',
      })
      .execute();
    for (const a of artefacts) {
      const id = await seedCurrentVersion(trx, a.id, { body: BODY, html, clauses: parsed.clauses });
      versionOf.set(a.id, id);
      await trx
        .insertInto('consultationArtefacts')
        .values({ consultationId, artefactId: a.id })
        .execute();
    }
    const rows: CommentRow[] = [];
    for (let i = 0; i < count; i++) {
      const artefact = artefacts[i % artefacts.length];
      const org = orgs[i % orgs.length];
      if (!artefact || !org) continue;
      const severity = SEVERITIES[i % 3] ?? 'medium';
      const status = STATUSES[i % STATUSES.length] ?? 'open';
      const at = new Date(start + i * 60_000).toISOString();
      rows.push({
        id: newId(),
        ref: formatCommentRef(i + 1),
        artefactId: artefact.id,
        versionId: versionOf.get(artefact.id) ?? '',
        clauseRef: i % 2 ? '1.1.1' : '1.1.2',
        quote: null,
        category: COMMENT_CATEGORIES[i % COMMENT_CATEGORIES.length] ?? 'other',
        severity,
        severityRank: SEVERITY_RANK[severity],
        body: `Benchmark comment ${i}: the drafting of this clause could be clearer about which party is responsible.`,
        proposedText: null,
        confidential: i % 10 === 0 ? 1 : 0,
        authorId: author.id,
        organisationId: org.id,
        status,
        revision: status === 'open' ? 1 : 2,
        response: status === 'open' ? null : 'Considered by the code body.',
        decidedByName: status === 'open' ? null : 'Bench Code Body',
        decidedAt: status === 'open' ? null : at,
        changeId: null,
        action: null,
        raisedByName: null,
        importedBy: null,
        createdAt: at,
        updatedAt: at,
      });
    }
    for (let i = 0; i < rows.length; i += 500)
      await trx
        .insertInto('comments')
        .values(rows.slice(i, i + 500))
        .execute();
    await refreshCommentTallies(
      trx,
      artefacts.map((a) => a.id),
    );
    await trx
      .insertInto('counters')
      .values({ name: 'comment', value: count })
      .onConflict((oc) => oc.column('name').doUpdateSet({ value: count }))
      .execute();
  });
}
