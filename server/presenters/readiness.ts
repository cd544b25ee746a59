import { z } from 'zod';
import { LIFECYCLE_STAGES } from '../domain/artefactLifecycle.js';
import {
  CRITERION_IDS,
  type ArtefactReadiness,
  type Blocker,
  type CommentRef,
  type CriterionId,
  type CriterionResult,
  type Readiness,
} from '../domain/readiness.js';
import { outstandingCommentsText } from '../domain/commentWords.js';
import { plural } from '../domain/plural.js';
import type { PaperReadiness } from '../domain/recommendationPaper.js';
import { BRAG_VALUES, type Brag } from '../domain/vocabulary.js';
import { canSeeComment, type CommentVisibility } from '../policies/commentVisibility.js';
import { bragSourceSchema } from './artefact.js';

const count = z.number().int();

export const blockerSchema = z.object({
  kind: z.enum([
    'comment',
    'change',
    'requirement',
    'clause',
    'finding',
    'artefact',
    'consultation',
    'due-process',
    'decision',
    'confidential',
  ]),
  id: z.string().describe('What blocks: a comment, change, requirement, clause… id'),
  artefactId: z.string().optional(),
  clauseRef: z.string().optional(),
  count: count
    .optional()
    .describe('How many blockers this one stands for, when it counts comments not shown'),
  message: z.string(),
});

export const criterionSchema = z.object({
  id: z.enum(CRITERION_IDS),
  text: z.string(),
  met: z.boolean(),
  evidence: z
    .record(z.string(), z.union([z.number(), z.string(), z.array(z.string())]))
    .describe('Counts and facts the verdict rests on, by key'),
  blockers: z.array(blockerSchema).describe('The first blockers; the rest only counted'),
  blockerCount: count.describe('Every blocker, listed or not'),
});

export const commentsNotShownSchema = z
  .object({ outstanding: count, total: count })
  .describe('Confidential comments counted but not shown to this reader');

export const artefactReadinessSchema = z.object({
  id: z.string(),
  slug: z.string(),
  code: z.string(),
  reference: z.string(),
  title: z.string(),
  topicArea: z.string(),
  status: z.enum(LIFECYCLE_STAGES),
  brag: z.enum(BRAG_VALUES),
  bragSource: bragSourceSchema,
  bragOverrideReason: z.string().nullable(),
  outstandingComments: count.describe('Outstanding comments shown to this reader'),
  totalComments: count,
  commentsNotShown: commentsNotShownSchema,
  currentVersion: z.object({ id: z.string(), label: z.string() }).nullable(),
  baselined: z.boolean(),
  statusText: z.string().describe('The seed pack\'s "Current status and issues" wording'),
  criteria: z.array(criterionSchema),
});

export const codeReadinessSchema = z.object({
  code: z.string(),
  ready: z.boolean(),
  // An object rather than a record, so that the description names every BRAG as a property.
  brag: z
    .object(Object.fromEntries(BRAG_VALUES.map((b) => [b, count])) as Record<Brag, typeof count>)
    .describe("How many of the code's artefacts have each BRAG"),
  outstandingComments: count,
  commentsNotShown: commentsNotShownSchema,
  criteria: z.array(criterionSchema),
});

export const readinessSchema = z.object({
  ready: z.boolean().describe('Every gating criterion is met and no artefact is red'),
  evaluatedAt: z.string(),
  criteria: z.array(criterionSchema).describe('SC1-SC5 and KD1-KD3 over every artefact'),
  byCode: z.array(codeReadinessSchema),
  artefacts: z.array(artefactReadinessSchema),
});

/**
 * Blockers beyond these many per criterion are counted, not listed (20,000 comments would be
 * 20,000 rows): the overall list is the one to work from; an artefact's full list is at
 * /api/artefacts/:id/readiness.
 */
export const BLOCKER_LIMITS = { overall: 100, code: 25, artefact: 5, singleArtefact: 500 } as const;

/**
 * Who reads the presentation. The evaluation is one for everybody (cached, and what the verdict
 * rests on); a reader sees the comments the visibility rule lets them see, and the others only as
 * counts. A paper is read by everybody, so it lists no confidential comment at all.
 */
export type Audience = { kind: 'viewer'; visibility: CommentVisibility } | { kind: 'paper' };

export const PAPER_AUDIENCE: Audience = { kind: 'paper' };

/** Comments counted in the evaluation that this audience is not shown. */
export interface CommentsNotShown {
  outstanding: number;
  total: number;
}

const mayShow = (audience: Audience, comment: CommentRef) =>
  audience.kind === 'viewer' ? canSeeComment(audience.visibility, comment) : !comment.confidential;

// What a criterion's comment blockers are about, and which evidence count includes them.
const HIDDEN_WORDING: Partial<Record<CriterionId, { what: string; state: string; key: string }>> = {
  SC3: { what: 'plain-English comment', state: 'outstanding', key: 'plainEnglishComments' },
  SC4: { what: 'comment', state: 'not yet answered', key: 'outstandingComments' },
  KD3: { what: 'comment', state: 'decided with no decision logged', key: 'unloggedDecisions' },
};

function hiddenBlocker(
  audience: Audience,
  criterion: CriterionId,
  kind: Blocker['kind'],
  count: number,
  artefactId: string | undefined,
): Blocker {
  const wording = HIDDEN_WORDING[criterion] ?? { what: 'comment', state: 'outstanding' };
  const who = audience.kind === 'viewer' ? ' not shown to you' : '';
  return {
    kind: 'confidential',
    id: kind === 'decision' ? 'confidential-decisions' : 'confidential-comments',
    ...(artefactId ? { artefactId } : {}),
    count,
    message: `${plural(count, `confidential ${wording.what}`)}${who} ${count === 1 ? 'is' : 'are'} ${wording.state}`,
  };
}

const publicBlocker = ({ comment: _ref, ...blocker }: Blocker): Blocker => blocker;

/**
 * Lists the blockers the audience may see (the first `limit`), folds the others into one counted
 * blocker per kind, and takes them out of the evidence counts too; `blockerCount` stays the
 * evaluation's, since the verdict rests on every blocker.
 */
function presentCriterion(
  audience: Audience,
  limit: number,
  notShown: CommentsNotShown,
  artefactId?: string,
) {
  return (c: CriterionResult) => {
    const shown: Blocker[] = [];
    const hidden = new Map<Blocker['kind'], number>();
    let hiddenCount = 0;
    for (const b of c.blockers) {
      if (!b.comment || mayShow(audience, b.comment)) {
        if (shown.length < limit) shown.push(b);
      } else {
        hiddenCount += 1;
        hidden.set(b.kind, (hidden.get(b.kind) ?? 0) + 1);
      }
    }
    const counted = [...hidden].map(([kind, n]) =>
      hiddenBlocker(audience, c.id, kind, n, artefactId),
    );
    const evidence = { ...c.evidence };
    const less = (key: string | undefined, n: number) => {
      const value = key ? evidence[key] : undefined;
      if (key && typeof value === 'number') evidence[key] = value - n;
    };
    less(HIDDEN_WORDING[c.id]?.key, hiddenCount);
    if (c.id === 'SC4') less('totalComments', notShown.total);
    if (hiddenCount) evidence.confidentialCommentsNotShown = hiddenCount;
    return {
      ...c,
      evidence,
      blockers: [
        ...shown.slice(0, Math.max(0, limit - counted.length)).map(publicBlocker),
        ...counted,
      ],
      blockerCount: c.blockers.length,
    };
  };
}

function commentsNotShown(audience: Audience, a: ArtefactReadiness): CommentsNotShown {
  const notShown = { outstanding: 0, total: 0 };
  for (const t of a.confidentialComments) {
    // Tallies know organisations, not authors: an author sees their own through their organisation.
    const ref = {
      confidential: true,
      organisationId: t.organisationId,
      authorId: null,
      artefactCode: a.code,
    };
    if (mayShow(audience, ref)) continue;
    notShown.outstanding += t.outstanding;
    notShown.total += t.total;
  }
  return notShown;
}

const sum = (list: CommentsNotShown[]): CommentsNotShown => ({
  outstanding: list.reduce((n, x) => n + x.outstanding, 0),
  total: list.reduce((n, x) => n + x.total, 0),
});

/** The seed pack's "Current status and issues" wording, with the confidential part as a count. */
export function commentStatusText(audience: Audience, shown: number, notShown: number): string {
  if (audience.kind === 'paper' || !notShown)
    return outstandingCommentsText(shown + notShown, notShown);
  return `${outstandingCommentsText(shown)}, and ${plural(notShown, 'confidential comment')} not shown to you`;
}

function presentArtefact(
  audience: Audience,
  a: ArtefactReadiness,
  limit: number,
): z.infer<typeof artefactReadinessSchema> {
  const { confidentialComments: _tallies, ...rest } = a;
  const notShown = commentsNotShown(audience, a);
  const outstanding = a.outstandingComments - notShown.outstanding;
  return {
    ...rest,
    outstandingComments: outstanding,
    totalComments: a.totalComments - notShown.total,
    commentsNotShown: notShown,
    statusText: commentStatusText(audience, outstanding, notShown.outstanding),
    criteria: a.criteria.map(presentCriterion(audience, limit, notShown, a.id)),
  };
}

export function presentReadiness(
  r: Readiness,
  audience: Audience,
): z.infer<typeof readinessSchema> {
  const notShown = r.artefacts.map((a) => ({ code: a.code, ...commentsNotShown(audience, a) }));
  const within = (code?: string) => sum(notShown.filter((n) => !code || n.code === code));
  return {
    ready: r.ready,
    evaluatedAt: r.evaluatedAt,
    criteria: r.criteria.map(presentCriterion(audience, BLOCKER_LIMITS.overall, within())),
    byCode: r.byCode.map((c) => {
      const hidden = within(c.code);
      return {
        ...c,
        outstandingComments: c.outstandingComments - hidden.outstanding,
        commentsNotShown: hidden,
        criteria: c.criteria.map(presentCriterion(audience, BLOCKER_LIMITS.code, hidden)),
      };
    }),
    artefacts: r.artefacts.map((a) => presentArtefact(audience, a, BLOCKER_LIMITS.artefact)),
  };
}

export function presentArtefactReadiness(
  a: ArtefactReadiness,
  audience: Audience,
): z.infer<typeof artefactReadinessSchema> {
  return presentArtefact(audience, a, BLOCKER_LIMITS.singleArtefact);
}

export type PresentedReadiness = z.infer<typeof readinessSchema>;

/**
 * A stored paper as it may be read now: blockers naming a comment that is confidential today
 * (papers made before confidential comments were kept out of them, or a comment made
 * confidential since) are folded into counts, as a new paper would have them.
 */
export function withoutConfidentialComments(
  readiness: PaperReadiness,
  confidential: ReadonlySet<string>,
): PaperReadiness {
  const redact =
    (artefactId?: string) =>
    <C extends PaperReadiness['criteria'][number]>(c: C): C => {
      const named: Blocker[] = [];
      const hidden = new Map<Blocker['kind'], number>();
      for (const b of c.blockers) {
        if (isCommentBlocker(b) && confidential.has(b.id))
          hidden.set(b.kind, (hidden.get(b.kind) ?? 0) + 1);
        else named.push(b);
      }
      if (!hidden.size) return c;
      const counted = [...hidden].map(([kind, n]) =>
        hiddenBlocker(PAPER_AUDIENCE, c.id, kind, n, artefactId),
      );
      return { ...c, blockers: [...named, ...counted] };
    };
  return {
    ...readiness,
    criteria: readiness.criteria.map(redact()),
    byCode: readiness.byCode.map((c) => ({ ...c, criteria: c.criteria.map(redact()) })),
    artefacts: readiness.artefacts.map((a) => ({ ...a, criteria: a.criteria.map(redact(a.id)) })),
  };
}

const isCommentBlocker = (b: Blocker) => b.kind === 'comment' || b.kind === 'decision';

/** The comment ids a paper's blockers name. */
export function paperCommentIds(readiness: PaperReadiness): string[] {
  const lists = [
    ...readiness.criteria,
    ...readiness.byCode.flatMap((c) => c.criteria),
    ...readiness.artefacts.flatMap((a) => a.criteria),
  ];
  return [...new Set(lists.flatMap((c) => c.blockers.filter(isCommentBlocker).map((b) => b.id)))];
}

/** The M6 baseline, once the SRO has approved a paper. */
export const m6BaselineSchema = z.object({
  id: z.string(),
  createdAt: z.string().describe('When the SRO approved it'),
  recommendationId: z.string().describe('The paper the SRO approved'),
});

/** Readiness now, as GET /api/readiness answers: with the M6 baseline once there is one. */
export const currentReadinessSchema = readinessSchema.extend({
  baseline: m6BaselineSchema
    .nullable()
    .describe('Once set, the verdict to show is "baselined", not the evaluation\'s'),
});

export const outstandingHistorySchema = z.object({
  from: z
    .string()
    .nullable()
    .describe('First London day of the series (YYYY-MM-DD); null when no comment has been made'),
  to: z.string(),
  capped: z.boolean().describe('Comments were made before `from`: the series is capped at a year'),
  days: z.array(
    z.object({
      day: z.string().describe('YYYY-MM-DD, a London calendar day'),
      outstanding: count.describe('Outstanding at the end of the day (now, for today)'),
      peak: count.describe('The most outstanding at any moment of the day'),
      raised: count.describe('Comments that became outstanding that day'),
      closed: count.describe('Comments that stopped being outstanding that day'),
    }),
  ),
});
