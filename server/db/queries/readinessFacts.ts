import { sql } from 'kysely';
import type { ArtefactFacts, ReadinessInput } from '../../domain/readiness.js';
import type { Db } from '../database.js';
import { loadVersionClauses, type VersionClauses } from '../versionCache.js';
import { nextTurn } from '../../lib/nextTurn.js';
import { loadDueProcessCoverage } from './dueProcess.js';

const DECIDED = ['accepted', 'partially-accepted', 'rejected', 'deferred', 'duplicate'] as const;

function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/**
 * Everything the readiness engine needs, in a fixed number of queries whatever the number of
 * artefacts: comments are read only where they matter (outstanding, or decided without a logged
 * decision), counts come from the tallies.
 */
export async function loadReadinessFacts(db: Db, now: string): Promise<ReadinessInput> {
  const k = db.kysely;
  const [
    artefacts,
    firstVersions,
    consultations,
    comments,
    tallies,
    confidentialTallies,
    changes,
    findings,
    baselined,
    requirements,
    traces,
    responses,
    decisions,
  ] = await Promise.all([
    k.selectFrom('artefacts').selectAll().orderBy('position').orderBy('id').execute(),
    k
      .selectFrom('artefactVersions')
      .select(['artefactId', (eb) => eb.fn.min('createdAt').as('firstAt')])
      .groupBy('artefactId')
      .execute(),
    k
      .selectFrom('consultations as k')
      .innerJoin('consultationArtefacts as ka', 'ka.consultationId', 'k.id')
      .select(['ka.artefactId', 'k.id', 'k.title', 'k.opensAt', 'k.closesAt'])
      .execute(),
    k
      .selectFrom('comments as c')
      .select([
        'c.id',
        'c.ref',
        'c.artefactId',
        'c.category',
        'c.severity',
        'c.status',
        'c.confidential',
        'c.organisationId',
        'c.authorId',
        (eb) =>
          eb
            .exists(
              eb
                .selectFrom('triageDecisions as d')
                .select('d.id')
                .whereRef('d.commentId', '=', 'c.id'),
            )
            .as('hasDecision'),
      ])
      .where((eb) =>
        eb.or([
          eb('c.status', 'in', ['open', 'triaged']),
          eb.and([
            eb('c.status', 'in', [...DECIDED]),
            eb.not(
              eb.exists(
                eb
                  .selectFrom('triageDecisions as d')
                  .select('d.id')
                  .whereRef('d.commentId', '=', 'c.id'),
              ),
            ),
          ]),
        ]),
      )
      .execute(),
    k
      .selectFrom('commentTallies')
      .select([
        'artefactId',
        sql<number>`sum(case when status in ('open', 'triaged') then n else 0 end)`.as(
          'outstanding',
        ),
        sql<number>`sum(case when status <> 'withdrawn' then n else 0 end)`.as('total'),
      ])
      .groupBy('artefactId')
      .execute(),
    k
      .selectFrom('commentTallies')
      .select([
        'artefactId',
        'organisationId',
        sql<number>`sum(case when status in ('open', 'triaged') then n else 0 end)`.as(
          'outstanding',
        ),
        sql<number>`sum(case when status <> 'withdrawn' then n else 0 end)`.as('total'),
      ])
      .where('confidential', '=', 1)
      .groupBy(['artefactId', 'organisationId'])
      .execute(),
    k
      .selectFrom('changeArtefacts as ca')
      .innerJoin('changes as ch', 'ch.id', 'ca.changeId')
      .select(['ca.artefactId', 'ch.id', 'ch.title', 'ch.status', 'ca.noCodeImpact'])
      .execute(),
    k
      .selectFrom('plainEnglishFindings as f')
      .innerJoin('artefacts as a', 'a.currentVersionId', 'f.versionId')
      .select(['f.id', 'f.artefactId', 'f.clauseRef', 'f.kind', 'f.excerpt'])
      .where('f.status', '=', 'open')
      .execute(),
    k.selectFrom('baselineVersions').select('artefactId').distinct().execute(),
    k.selectFrom('requirements').select('id').orderBy('id').execute(),
    k
      .selectFrom('requirementTraces')
      .select(['requirementId', 'artefactId', 'clauseRef'])
      .execute(),
    loadDueProcessCoverage(db),
    latestDecisions(db),
  ]);

  const firstAt = new Map(firstVersions.map((r) => [r.artefactId, String(r.firstAt)]));
  const consultationsOf = groupBy(consultations, (r) => r.artefactId);
  const commentsOf = groupBy(comments, (r) => r.artefactId);
  const counts = new Map(tallies.map((r) => [r.artefactId, r]));
  const confidentialOf = groupBy(confidentialTallies, (r) => r.artefactId);
  const changesOf = groupBy(changes, (r) => r.artefactId);
  const findingsOf = groupBy(findings, (r) => r.artefactId);
  const baselinedIds = new Set(baselined.map((r) => r.artefactId));
  const tracesOf = groupBy(traces, (r) => r.requirementId);

  // One version per turn of the event loop: one not yet cached is read and parsed (2,000 clauses
  // take milliseconds), and a cold start would otherwise hold other requests for all 81.
  const versions = new Map<string, VersionClauses>();
  for (const a of artefacts) {
    if (!a.currentVersionId) continue;
    await nextTurn();
    const version = await loadVersionClauses(db, a.currentVersionId);
    if (version) versions.set(a.id, version);
  }
  const facts: ArtefactFacts[] = artefacts.map((a) => {
    const version = versions.get(a.id);
    const tally = counts.get(a.id);
    return {
      id: a.id,
      slug: a.slug,
      code: a.code,
      reference: a.reference,
      title: a.title,
      topicArea: a.topicArea,
      bragOverride: a.bragOverride,
      bragOverrideReason: a.bragOverrideReason,
      noRequirementsReason: a.noRequirementsReason,
      currentVersion: version
        ? {
            id: version.id,
            label: version.label,
            incorporates: version.incorporates,
            clauseRefs: version.clauses.map((c) => c.ref),
          }
        : null,
      firstVersionAt: firstAt.get(a.id) ?? null,
      consultations: (consultationsOf.get(a.id) ?? []).map(({ id, title, opensAt, closesAt }) => ({
        id,
        title,
        opensAt,
        closesAt,
      })),
      comments: (commentsOf.get(a.id) ?? []).map((c) => ({
        id: c.id,
        ref: c.ref,
        category: c.category,
        severity: c.severity,
        status: c.status,
        hasDecision: Boolean(c.hasDecision),
        confidential: c.confidential === 1,
        organisationId: c.organisationId,
        authorId: c.authorId,
      })),
      outstandingComments: Number(tally?.outstanding ?? 0),
      totalComments: Number(tally?.total ?? 0),
      // Tallies store a confidential comment without organisation under ''.
      confidentialComments: (confidentialOf.get(a.id) ?? []).map((t) => ({
        organisationId: t.organisationId || null,
        outstanding: Number(t.outstanding),
        total: Number(t.total),
      })),
      changes: (changesOf.get(a.id) ?? []).map((c) => ({
        id: c.id,
        title: c.title,
        status: c.status,
        noCodeImpact: c.noCodeImpact === 1,
      })),
      openFindings: (findingsOf.get(a.id) ?? []).map(({ id, clauseRef, kind, excerpt }) => ({
        id,
        clauseRef,
        kind,
        excerpt,
      })),
      baselined: baselinedIds.has(a.id),
    };
  });

  return {
    now,
    artefacts: facts,
    requirements: requirements.map((r) => ({
      id: r.id,
      traces: (tracesOf.get(r.id) ?? []).map(({ artefactId, clauseRef }) => ({
        artefactId,
        clauseRef,
      })),
    })),
    dueProcessResponses: responses.responses,
    dueProcessParticipants: responses.participants,
    dueProcessNonResponders: responses.nonResponders,
    decisions,
  };
}

/** CCAG's and the SRO's latest decisions on the most recent paper that has any. */
async function latestDecisions(db: Db): Promise<ReadinessInput['decisions']> {
  const rows = await db.kysely
    .selectFrom('decisions as d')
    .innerJoin('recommendations as r', 'r.id', 'd.recommendationId')
    .select(['d.recommendationId', 'd.body', 'd.outcome', 'd.decidedAt', 'r.createdAt'])
    .orderBy('r.createdAt', 'desc')
    .orderBy('d.decidedAt', 'desc')
    .execute();
  const paper = rows[0]?.recommendationId;
  const latest = (body: 'CCAG' | 'SRO') =>
    rows.find((r) => r.recommendationId === paper && r.body === body)?.outcome;
  return {
    ccagRecommended: latest('CCAG') === 'recommended',
    sroApproved: latest('SRO') === 'approved',
  };
}
