import { z } from 'zod';
import type { DecisionTable } from '../db/schema.js';
import { renderMarkdown } from '../domain/markdown.js';
import { paperReference, sha256, type PaperSnapshot } from '../domain/recommendationPaper.js';
import { dueProcessSummarySchema } from './dueProcess.js';
import {
  artefactReadinessSchema,
  codeReadinessSchema,
  commentsNotShownSchema,
  readinessSchema,
} from './readiness.js';
import { userRefSchema } from './user.js';

const verdictSchema = z.enum(['ready', 'not-ready']);

// A paper holds what was true when it was generated; fields marked optional are absent from
// papers generated before they were added.
const paperReadinessSchema = readinessSchema.extend({
  byCode: z.array(
    codeReadinessSchema.extend({ commentsNotShown: commentsNotShownSchema.optional() }),
  ),
  artefacts: z.array(
    artefactReadinessSchema.extend({ commentsNotShown: commentsNotShownSchema.optional() }),
  ),
});

// A paper is read by everybody: a confidential comment is listed by its document only.
const paperWorkOffItemSchema = z.union([
  z.object({
    kind: z.literal('comment'),
    confidential: z.literal(false),
    id: z.string(),
    reference: z.string(),
    document: z.string(),
    subject: z.string(),
    owner: z.string().nullable(),
  }),
  z.object({
    kind: z.literal('comment'),
    confidential: z.literal(true),
    document: z.string(),
    owner: z.string().nullable(),
  }),
  z.object({
    kind: z.literal('change'),
    reference: z.string(),
    subject: z.string(),
    owner: z.string().nullable(),
  }),
]);

export const recommendationSchema = z.object({
  id: z.string(),
  reference: z.string().describe('What readers cite the paper by, e.g. CDWG-M6-20261202-8D77DB40'),
  verdict: verdictSchema,
  createdAt: z.string(),
  createdBy: userRefSchema.nullable(),
  readiness: paperReadinessSchema.describe('The readiness the paper was generated from'),
  dueProcess: dueProcessSummarySchema,
  baseline: z
    .array(
      z.object({
        code: z.string(),
        reference: z.string(),
        title: z.string(),
        version: z
          .object({
            label: z.string(),
            publishedAt: z.string(),
            contentHash: z.string().describe("SHA-256 of the version's Markdown source"),
            incorporates: z.array(z.string()),
          })
          .nullable(),
      }),
    )
    .nullable()
    .describe('The artefacts the paper proposes to baseline, at their current versions'),
  waivers: z
    .array(
      z.object({
        kind: z.enum(['waived-finding', 'brag-override', 'no-code-impact']),
        reference: z.string(),
        subject: z.string(),
        reason: z.string(),
        decidedAt: z.string().nullable(),
      }),
    )
    .nullable()
    .describe('Checks set aside by someone, with their reasons'),
  workOff: z
    .array(paperWorkOffItemSchema)
    .nullable()
    .describe('What becomes post-M6 work-off when the SRO approves'),
  snapshotHash: z.string().describe('SHA-256 of the stored snapshot'),
  decisions: z.array(
    z.object({
      id: z.string(),
      body: z.enum(['CCAG', 'SRO']),
      outcome: z.enum(['recommended', 'not-recommended', 'approved', 'rejected']),
      notes: z.string(),
      decidedBy: userRefSchema.nullable(),
      decidedAt: z.string(),
    }),
  ),
  baselineId: z.string().nullable().describe('The M6 baseline this paper led to, once approved'),
  formats: z
    .object({ html: z.string(), md: z.string(), docx: z.string() })
    .describe('Where to fetch the paper itself'),
});

/** A paper as listed: the latest CCAG and SRO outcome beside it. */
export const recommendationSummarySchema = z.object({
  id: z.string(),
  verdict: verdictSchema,
  createdAt: z.string(),
  createdBy: z.string().nullable().describe('Who generated it'),
  ccag: z.enum(['recommended', 'not-recommended']).nullable(),
  sro: z.enum(['approved', 'rejected']).nullable(),
});

export interface RecommendationRow {
  id: string;
  verdict: 'ready' | 'not-ready';
  snapshot: string;
  fingerprint: string;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: string;
}

export interface DecisionRow {
  id: string;
  body: DecisionTable['body'];
  outcome: DecisionTable['outcome'];
  notes: string;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: string;
}

export function presentRecommendation(
  row: RecommendationRow,
  snapshot: PaperSnapshot,
  decisions: DecisionRow[],
  baselineId: string | null,
): z.infer<typeof recommendationSchema> {
  return {
    id: row.id,
    reference: paperReference(row),
    verdict: row.verdict,
    createdAt: row.createdAt,
    createdBy: row.createdBy ? { id: row.createdBy, name: row.createdByName ?? '' } : null,
    readiness: snapshot.readiness,
    dueProcess: snapshot.dueProcess,
    baseline: snapshot.baseline ?? null,
    waivers: snapshot.waivers ?? null,
    workOff: snapshot.workOff ?? null,
    snapshotHash: sha256(row.snapshot),
    decisions: decisions.map((d) => ({
      id: d.id,
      body: d.body,
      outcome: d.outcome,
      notes: d.notes,
      decidedBy: d.decidedBy ? { id: d.decidedBy, name: d.decidedByName ?? '' } : null,
      decidedAt: d.decidedAt,
    })),
    baselineId,
    formats: {
      html: `/api/recommendations/${row.id}.html`,
      md: `/api/recommendations/${row.id}.md`,
      docx: `/api/recommendations/${row.id}.docx`,
    },
  };
}

const PRINT_CSS = `
body { font-family: Arial, Helvetica, sans-serif; margin: 2rem auto; max-width: 60rem; color: #111; line-height: 1.4; }
h1 { color: #0b3d6e; } h2 { color: #0b3d6e; border-bottom: 1px solid #ccc; padding-bottom: .2rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid #999; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #e8eef5; }
tr { break-inside: avoid; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } }
`;

/** A standalone, print-ready HTML page; the body is the paper's Markdown, sanitised like all Markdown. */
export function paperHtml(markdown: string, title: string): string {
  const escapedTitle = title.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${escapedTitle}</title><style>${PRINT_CSS}</style></head><body>${renderMarkdown(markdown)}</body></html>`;
}
