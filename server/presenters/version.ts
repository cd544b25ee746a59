import { z } from 'zod';
import type { VersionRow, VersionSummaryRow } from '../db/queries/artefacts.js';
import type { Clause } from '../domain/parseClauses.js';
import { userRefSchema } from './user.js';

export const versionSummarySchema = z.object({
  id: z.string(),
  artefactId: z.string(),
  label: z.string(),
  changeNote: z.string(),
  incorporates: z.array(z.string()).describe('The CRs and DINs the version incorporates'),
  author: userRefSchema.nullable(),
  baseline: z.boolean().describe('Whether the version is frozen in the M6 baseline'),
  createdAt: z.string(),
});

export const clauseSchema = z.object({
  ref: z.string().describe('The clause number as written, e.g. 2.10 or A1.3'),
  heading: z.string().nullable(),
  text: z.string(),
  anchor: z.string().describe('The HTML id of the clause in `html`'),
  level: z.number().int(),
  parentRef: z.string().nullable(),
  line: z.number().int().describe('The line of the Markdown source where the clause starts'),
});

export const versionSchema = versionSummarySchema.extend({
  body: z.string().describe('The version as Markdown'),
  html: z.string().describe('The version as sanitised HTML'),
  clauses: z.array(clauseSchema),
});

export function presentVersionSummary(
  row: VersionSummaryRow,
): z.infer<typeof versionSummarySchema> {
  return {
    id: row.id,
    artefactId: row.artefactId,
    label: row.label,
    changeNote: row.changeNote,
    incorporates: JSON.parse(row.incorporates) as string[],
    author: row.authorId ? { id: row.authorId, name: row.authorName ?? '' } : null,
    baseline: row.isBaseline === 1,
    createdAt: row.createdAt,
  };
}

export function presentVersion(
  row: VersionSummaryRow & Pick<VersionRow, 'body' | 'html' | 'clauses'>,
): z.infer<typeof versionSchema> {
  return {
    ...presentVersionSummary(row),
    body: row.body,
    html: row.html,
    clauses: JSON.parse(row.clauses) as Clause[],
  };
}
