import type { CriterionResult, Readiness } from '../domain/readiness.js';

/**
 * Blockers beyond these many per criterion are counted, not listed (20,000 comments would be
 * 20,000 rows): the overall list is the one to work from; an artefact's full list is at
 * /api/artefacts/:id/readiness.
 */
export const BLOCKER_LIMITS = { overall: 100, code: 25, artefact: 5, singleArtefact: 500 } as const;

function presentCriterion(limit: number) {
  return (c: CriterionResult) => ({
    ...c,
    blockers: c.blockers.slice(0, limit),
    blockerCount: c.blockers.length,
  });
}

export function presentReadiness(r: Readiness) {
  return {
    ready: r.ready,
    evaluatedAt: r.evaluatedAt,
    criteria: r.criteria.map(presentCriterion(BLOCKER_LIMITS.overall)),
    byCode: r.byCode.map((c) => ({
      ...c,
      criteria: c.criteria.map(presentCriterion(BLOCKER_LIMITS.code)),
    })),
    artefacts: r.artefacts.map((a) => ({
      ...a,
      criteria: a.criteria.map(presentCriterion(BLOCKER_LIMITS.artefact)),
    })),
  };
}

export function presentArtefactReadiness(a: Readiness['artefacts'][number]) {
  return { ...a, criteria: a.criteria.map(presentCriterion(BLOCKER_LIMITS.singleArtefact)) };
}
