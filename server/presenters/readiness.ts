import type { CriterionResult, Readiness } from '../domain/readiness.js';

/** Blockers beyond this many per criterion are counted, not listed (20,000 comments would be 20,000 rows). */
export const MAX_BLOCKERS = 100;

function presentCriterion(c: CriterionResult) {
  return { ...c, blockers: c.blockers.slice(0, MAX_BLOCKERS), blockerCount: c.blockers.length };
}

export function presentReadiness(r: Readiness) {
  return {
    ready: r.ready,
    evaluatedAt: r.evaluatedAt,
    criteria: r.criteria.map(presentCriterion),
    byCode: r.byCode.map((c) => ({ ...c, criteria: c.criteria.map(presentCriterion) })),
    artefacts: r.artefacts.map((a) => ({ ...a, criteria: a.criteria.map(presentCriterion) })),
  };
}
