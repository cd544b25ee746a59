import { artefactLifecycle, type LifecycleStage } from './artefactLifecycle.js';
import { computeBrag, effectiveBrag } from './brag.js';
import { outstandingCommentsText } from './commentWords.js';
import type { Brag } from './vocabulary.js';

// The M6 success criteria and key dependencies of DESIGN section 3, evaluated from facts alone.

export const CRITERIA = {
  SC1: 'All Design requirements translated into Code',
  SC2: 'Code changes incorporate all approved CRs and DINs',
  SC3: 'Code meets the plain English test and no obvious ambiguity',
  SC4: 'Due Process followed',
  SC5: 'Approved by SRO following CCAG recommendation',
  KD1: 'Design and inflight DIN and CRs are complete/released',
  KD2: 'Code Bodies correctly draft the Code in time for M6 baseline',
  KD3: 'Due process and governance followed',
} as const;
export type CriterionId = keyof typeof CRITERIA;
export const CRITERION_IDS = Object.keys(CRITERIA) as CriterionId[];
/** What CDWG's recommendation rests on; SC5 follows from the decisions on it. */
export const GATING: readonly CriterionId[] = ['SC1', 'SC2', 'SC3', 'SC4', 'KD1', 'KD2', 'KD3'];

/** Days after a consultation closes by which a high-severity comment must be answered. */
export const RESPONSE_DAYS = 10;

/**
 * A comment as a blocker refers to it: enough for the visibility rule to decide, per reader,
 * whether the blocker may be listed or only counted.
 */
export interface CommentRef {
  confidential: boolean;
  organisationId: string | null;
  authorId: string | null;
  artefactCode: string;
}

export interface Blocker {
  kind:
    | 'comment'
    | 'change'
    | 'requirement'
    | 'clause'
    | 'finding'
    | 'artefact'
    | 'consultation'
    | 'due-process'
    | 'decision'
    | 'confidential';
  id: string;
  artefactId?: string;
  clauseRef?: string;
  /** Set on blockers about one comment; presenters drop it after applying the visibility rule. */
  comment?: CommentRef;
  /** How many blockers this one stands for, when it counts comments the reader may not see. */
  count?: number;
  message: string;
}

export interface CriterionResult {
  id: CriterionId;
  text: string;
  met: boolean;
  evidence: Record<string, number | string | string[]>;
  blockers: Blocker[];
}

export interface CommentFact {
  id: string;
  ref: string;
  category: string;
  severity: string;
  status: string;
  hasDecision: boolean;
  confidential: boolean;
  organisationId: string | null;
  authorId: string | null;
}

/** Confidential comments of one organisation on one artefact (withdrawn ones not counted). */
export interface ConfidentialTally {
  organisationId: string | null;
  outstanding: number;
  total: number;
}

export interface ChangeFact {
  id: string;
  title: string;
  status: string;
  noCodeImpact: boolean;
}

export interface ArtefactFacts {
  id: string;
  slug: string;
  code: string;
  reference: string;
  title: string;
  topicArea: string;
  bragOverride: string | null;
  bragOverrideReason: string | null;
  /** The audited statement that no design requirements apply: SC1's evidence without traces. */
  noRequirementsReason?: string | null;
  currentVersion: {
    id: string;
    label: string;
    incorporates: string[];
    clauseRefs: string[];
  } | null;
  firstVersionAt: string | null;
  consultations: { id: string; title: string; opensAt: string; closesAt: string }[];
  /** Comments that are outstanding, decided without a logged decision, or plain-English. */
  comments: CommentFact[];
  /** Every comment, confidential ones included: the evaluation counts them all. */
  outstandingComments: number;
  totalComments: number;
  /** The confidential part of those counts, so that presenters can count what a reader may see. */
  confidentialComments: ConfidentialTally[];
  changes: ChangeFact[];
  openFindings: { id: string; clauseRef: string; kind: string; excerpt: string }[];
  baselined: boolean;
}

export interface RequirementFact {
  id: string;
  traces: { artefactId: string; clauseRef: string }[];
}

export interface ReadinessInput {
  now: string;
  artefacts: ArtefactFacts[];
  requirements: RequirementFact[];
  dueProcessResponses: number;
  /** Participant organisations: due process is covered only when every one has responded. */
  dueProcessParticipants?: number;
  dueProcessNonResponders?: { id: string; name: string }[];
  decisions: { ccagRecommended: boolean; sroApproved: boolean };
}

export interface ArtefactReadiness {
  id: string;
  slug: string;
  code: string;
  reference: string;
  title: string;
  topicArea: string;
  /** Where the artefact is in its life (domain/artefactLifecycle.ts): the registry's Status. */
  status: LifecycleStage;
  brag: Brag;
  bragSource: 'computed' | 'override';
  bragOverrideReason: string | null;
  outstandingComments: number;
  totalComments: number;
  confidentialComments: ConfidentialTally[];
  currentVersion: { id: string; label: string } | null;
  baselined: boolean;
  /** The seed pack's "Current status and issues" column. */
  statusText: string;
  criteria: CriterionResult[];
}

export interface CodeReadiness {
  code: string;
  ready: boolean;
  brag: Record<Brag, number>;
  outstandingComments: number;
  criteria: CriterionResult[];
}

export interface Readiness {
  ready: boolean;
  evaluatedAt: string;
  criteria: CriterionResult[];
  byCode: CodeReadiness[];
  artefacts: ArtefactReadiness[];
}

const APPROVED = new Set(['approved', 'implemented']);
const IN_FLIGHT = new Set(['raised', 'impact-assessment']);
const OUTSTANDING = new Set(['open', 'triaged']);
const DECIDED = new Set(['accepted', 'partially-accepted', 'rejected', 'deferred', 'duplicate']);

const result = (
  id: CriterionId,
  blockers: Blocker[],
  evidence: CriterionResult['evidence'],
  met = blockers.length === 0,
): CriterionResult => ({ id, text: CRITERIA[id], met, evidence, blockers });

const plusDays = (iso: string, days: number) =>
  new Date(Date.parse(iso) + days * 86_400_000).toISOString();

function artefactCriteria(
  a: ArtefactFacts,
  traces: RequirementFact['traces'],
  now: string,
  approvedOverall: boolean,
) {
  const where = { artefactId: a.id };
  const about = (c: CommentFact) => ({
    id: c.id,
    ...where,
    comment: {
      confidential: c.confidential,
      organisationId: c.organisationId,
      authorId: c.authorId,
      artefactCode: a.code,
    },
  });
  const refs = new Set(a.currentVersion?.clauseRefs ?? []);
  const broken = traces.filter((t) => !refs.has(t.clauseRef));
  // No trace and no statement is no evidence, not success.
  const stated = (a.noRequirementsReason ?? null) !== null;
  const unevidenced = traces.length === 0 && !stated;
  const sc1 = result(
    'SC1',
    [
      ...(unevidenced
        ? [
            {
              kind: 'artefact' as const,
              id: a.id,
              ...where,
              message: `${a.reference} has no traced design requirements and no statement that none apply`,
            },
          ]
        : []),
      ...broken.map((t) => ({
        kind: 'clause' as const,
        id: t.clauseRef,
        clauseRef: t.clauseRef,
        ...where,
        message: a.currentVersion
          ? `A requirement is traced to clause ${t.clauseRef}, which ${a.reference} ${a.currentVersion.label} no longer has`
          : `A requirement is traced to ${a.reference}, which has no version`,
      })),
    ],
    {
      traces: traces.length,
      brokenTraces: broken.length,
      noRequirementsStatements: stated ? 1 : 0,
      withoutEvidence: unevidenced ? 1 : 0,
    },
  );

  const incorporated = new Set(a.currentVersion?.incorporates ?? []);
  const approved = a.changes.filter((c) => APPROVED.has(c.status));
  const missing = approved.filter((c) => !c.noCodeImpact && !incorporated.has(c.id));
  const sc2 = result(
    'SC2',
    missing.map((c) => ({
      kind: 'change' as const,
      id: c.id,
      ...where,
      message: `${c.id} (${c.title}) is approved but ${a.reference} ${a.currentVersion ? `${a.currentVersion.label} does not incorporate it` : 'has no version'}`,
    })),
    { approvedChanges: approved.length, incorporated: approved.length - missing.length },
  );

  const plainEnglish = a.comments.filter(
    (c) => c.category === 'plain-english' && OUTSTANDING.has(c.status),
  );
  const sc3 = result(
    'SC3',
    [
      ...plainEnglish.map((c) => ({
        kind: 'comment' as const,
        ...about(c),
        message: `Plain-English comment ${c.ref} is ${c.status}`,
      })),
      ...a.openFindings.map((f) => ({
        kind: 'finding' as const,
        id: f.id,
        clauseRef: f.clauseRef,
        ...where,
        message: `Clause ${f.clauseRef}: ${f.kind.replace('-', ' ')} "${f.excerpt}" is neither fixed nor waived`,
      })),
    ],
    { plainEnglishComments: plainEnglish.length, openFindings: a.openFindings.length },
  );

  const consulted = a.consultations.filter((c) => c.opensAt <= now);
  const outstanding = a.comments.filter((c) => OUTSTANDING.has(c.status));
  const sc4 = result(
    'SC4',
    [
      ...(consulted.length
        ? []
        : [
            {
              kind: 'consultation' as const,
              id: a.id,
              ...where,
              message: `${a.reference} has not been consulted on`,
            },
          ]),
      ...outstanding.map((c) => ({
        kind: 'comment' as const,
        ...about(c),
        message: `Comment ${c.ref} is ${c.status}: not yet answered`,
      })),
    ],
    {
      consultations: consulted.length,
      outstandingComments: a.outstandingComments,
      totalComments: a.totalComments,
    },
  );

  const inFlight = a.changes.filter((c) => IN_FLIGHT.has(c.status));
  const kd1 = result(
    'KD1',
    inFlight.map((c) => ({
      kind: 'change' as const,
      id: c.id,
      ...where,
      message: `${c.id} (${c.title}) affects ${a.reference} and is still ${c.status}`,
    })),
    { inFlightChanges: inFlight.length },
  );

  const drafted =
    a.firstVersionAt !== null &&
    a.consultations.some((c) => (a.firstVersionAt ?? '') <= c.closesAt);
  const kd2 = result(
    'KD2',
    drafted
      ? []
      : [
          {
            kind: 'artefact' as const,
            id: a.id,
            ...where,
            message: a.firstVersionAt
              ? `${a.reference} had no version before its consultation closed`
              : `${a.reference} has no version`,
          },
        ],
    { versionBeforeClose: drafted ? 'yes' : 'no' },
  );

  const unlogged = a.comments.filter((c) => DECIDED.has(c.status) && !c.hasDecision);
  // KD3 rests on SC4: one blocker points there rather than repeating SC4's list.
  const kd3 = result(
    'KD3',
    [
      ...(sc4.met
        ? []
        : [
            {
              kind: 'artefact' as const,
              id: a.id,
              ...where,
              message: `Due process (SC4) is not met for ${a.reference}`,
            },
          ]),
      ...unlogged.map((c) => ({
        kind: 'decision' as const,
        ...about(c),
        message: `Comment ${c.ref} is ${c.status} with no decision logged`,
      })),
    ],
    { unloggedDecisions: unlogged.length },
  );

  const sc5 = result(
    'SC5',
    [],
    { baselined: a.baselined ? 'yes' : 'no' },
    a.baselined || approvedOverall,
  );

  const lastClose =
    a.consultations
      .map((c) => c.closesAt)
      .sort()
      .at(-1) ?? null;
  const openNow = a.consultations.some((c) => c.opensAt <= now && now < c.closesAt);
  const consultationClosed = lastClose !== null && lastClose <= now && !openNow;
  const overdueHigh =
    lastClose !== null && plusDays(lastClose, RESPONSE_DAYS) < now
      ? outstanding.filter((c) => c.severity === 'high').length
      : 0;
  const computed = computeBrag({
    hasCurrentVersion: a.currentVersion !== null,
    outstandingComments: a.outstandingComments,
    unincorporatedApprovedChanges: missing.length,
    consultationClosed,
    overdueHighSeverityComments: overdueHigh,
    openPlainEnglish: plainEnglish.length + a.openFindings.length,
  });
  return {
    criteria: [sc1, sc2, sc3, sc4, sc5, kd1, kd2, kd3],
    ...effectiveBrag(computed, a.bragOverride),
  };
}

function combine(
  id: CriterionId,
  parts: CriterionResult[],
  extra: Blocker[] = [],
  extraEvidence = {},
): CriterionResult {
  const evidence: CriterionResult['evidence'] = { ...extraEvidence };
  for (const p of parts) {
    for (const [key, value] of Object.entries(p.evidence)) {
      if (typeof value === 'number')
        evidence[key] = ((evidence[key] as number | undefined) ?? 0) + value;
    }
  }
  const blockers = [...extra, ...parts.flatMap((p) => p.blockers)];
  const met = id === 'SC5' ? parts.length > 0 && parts.every((p) => p.met) : blockers.length === 0;
  return {
    id,
    text: CRITERIA[id],
    met,
    evidence: {
      ...evidence,
      artefacts: parts.length,
      artefactsMeeting: parts.filter((p) => p.met).length,
    },
    blockers,
  };
}

export function computeReadiness(input: ReadinessInput): Readiness {
  const tracesByArtefact = new Map<string, RequirementFact['traces']>();
  for (const r of input.requirements) {
    for (const t of r.traces)
      tracesByArtefact.set(t.artefactId, [...(tracesByArtefact.get(t.artefactId) ?? []), t]);
  }
  const sc5Overall = input.decisions.ccagRecommended && input.decisions.sroApproved;
  const artefacts: ArtefactReadiness[] = input.artefacts.map((a) => {
    const evaluated = artefactCriteria(a, tracesByArtefact.get(a.id) ?? [], input.now, sc5Overall);
    return {
      id: a.id,
      slug: a.slug,
      code: a.code,
      reference: a.reference,
      title: a.title,
      topicArea: a.topicArea,
      status: artefactLifecycle(
        {
          hasCurrentVersion: a.currentVersion !== null,
          baselined: a.baselined,
          consultations: a.consultations,
          outstandingComments: a.outstandingComments,
        },
        input.now,
      ),
      brag: evaluated.brag,
      bragSource: evaluated.bragSource,
      bragOverrideReason: a.bragOverrideReason,
      outstandingComments: a.outstandingComments,
      totalComments: a.totalComments,
      confidentialComments: a.confidentialComments,
      currentVersion: a.currentVersion && {
        id: a.currentVersion.id,
        label: a.currentVersion.label,
      },
      baselined: a.baselined,
      statusText: outstandingCommentsText(a.outstandingComments),
      criteria: evaluated.criteria,
    };
  });

  const untraced = input.requirements.filter((r) => r.traces.length === 0);
  const untracedBlockers: Blocker[] = untraced.map((r) => ({
    kind: 'requirement',
    id: r.id,
    message: `Requirement ${r.id} is not traced to any clause`,
  }));
  const noResponses: Blocker[] =
    input.dueProcessResponses > 0
      ? []
      : [
          {
            kind: 'due-process',
            id: 'responses',
            message: 'No due-process responses have been recorded',
          },
        ];
  // Coverage is over every participant organisation: one silent organisation is not consent.
  const nonResponders = input.dueProcessNonResponders ?? [];
  const dueProcessBlockers: Blocker[] = [
    ...noResponses,
    ...nonResponders.map((o) => ({
      kind: 'due-process' as const,
      id: o.id,
      message: `${o.name} has not responded on due process`,
    })),
  ];
  const dueProcessEvidence = {
    dueProcessResponses: input.dueProcessResponses,
    ...(input.dueProcessParticipants === undefined
      ? {}
      : {
          participantOrganisations: input.dueProcessParticipants,
          nonResponders: nonResponders.length,
        }),
  };

  const evaluate = (scope: ArtefactReadiness[], whole: boolean): CriterionResult[] =>
    CRITERION_IDS.map((id) => {
      const parts = scope.map((a) => a.criteria.find((c) => c.id === id) as CriterionResult);
      if (id === 'SC1') {
        // With nothing traced and nothing stated anywhere (or nothing in scope), say so plainly.
        const noEvidence: Blocker[] = parts.every((p) => p.evidence.withoutEvidence === 1)
          ? [
              {
                kind: 'requirement',
                id: 'no-evidence',
                message:
                  'Not met: no evidence. No design requirement is traced and no artefact states that none apply',
              },
            ]
          : [];
        return combine(id, parts, [...noEvidence, ...(whole ? untracedBlockers : [])], {
          requirements: input.requirements.length,
          untraced: untraced.length,
        });
      }
      if (id === 'SC4' || id === 'KD3')
        return combine(id, parts, dueProcessBlockers, dueProcessEvidence);
      if (id === 'SC5') {
        const met = sc5Overall || (parts.length > 0 && parts.every((p) => p.met));
        return {
          ...combine(id, parts),
          met,
          evidence: {
            ccagRecommended: input.decisions.ccagRecommended ? 'yes' : 'no',
            sroApproved: input.decisions.sroApproved ? 'yes' : 'no',
          },
        };
      }
      return combine(id, parts);
    });

  const criteria = evaluate(artefacts, true);
  const gatesHold = (list: CriterionResult[]) =>
    GATING.every((id) => list.find((c) => c.id === id)?.met);
  const codes = [...new Set(artefacts.map((a) => a.code))];
  const byCode = codes.map((code) => {
    const scope = artefacts.filter((a) => a.code === code);
    const codeCriteria = evaluate(scope, false);
    const brag: Record<Brag, number> = { blue: 0, red: 0, amber: 0, green: 0 };
    for (const a of scope) brag[a.brag]++;
    return {
      code,
      ready: gatesHold(codeCriteria) && brag.red === 0,
      brag,
      outstandingComments: scope.reduce((n, a) => n + a.outstandingComments, 0),
      criteria: codeCriteria,
    };
  });
  return {
    ready: gatesHold(criteria) && artefacts.every((a) => a.brag !== 'red'),
    evaluatedAt: input.now,
    criteria,
    byCode,
    artefacts,
  };
}
