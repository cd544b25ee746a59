import { z } from 'zod';
import type { Clause } from '../domain/parseClauses.js';
import { computeRedline, redlineDocumentHtml, type Redline } from '../domain/redline.js';

const changeSchema = z
  .enum(['added', 'removed', 'modified', 'moved', 'renumbered', 'unchanged'])
  .describe(
    'renumbered: the number changed, not the text or place; moved: now stands elsewhere among its neighbours; modified: the text changed in place',
  );

const count = z.number().int();

/** What the redline endpoint sends (besides the two versions compared, see routes/redline). */
export const redlineSchema = z.object({
  stats: z.object({
    added: count,
    removed: count,
    modified: count,
    moved: count,
    renumbered: count,
    unchanged: count,
    wordsInserted: count,
    wordsDeleted: count,
  }),
  clauses: z
    .array(
      z.object({
        ref: z
          .string()
          .describe("The clause's ref in the new version; for a removed clause, in the old"),
        fromRef: z.string().optional().describe('The old ref of a clause whose number changed'),
        change: changeSchema,
        textChanged: z.boolean(),
        html: z.string().describe('The clause with insertions and deletions marked (sanitised)'),
        mergedInto: z
          .string()
          .optional()
          .describe('A removed clause whose text now stands in this new clause'),
        splitFrom: z
          .string()
          .optional()
          .describe('An added clause that holds the rest of this old clause, split in two'),
        coarse: z
          .literal(true)
          .optional()
          .describe('Too long to compare word by word: changed sentences are shown whole'),
      }),
    )
    .describe('The changed clauses, in reading order'),
  mapping: z
    .array(
      z.object({
        fromRef: z.string().nullable(),
        toRef: z.string().nullable(),
        change: changeSchema,
      }),
    )
    .describe('One entry per clause of either version, in reading order'),
  movedAway: z
    .array(z.object({ fromRef: z.string(), toRef: z.string() }))
    .describe('Where moved clauses used to stand'),
  notes: z.array(z.string()).describe('How the comparison was made, where the reader should know'),
  documentHtml: z.string().describe('The whole new version with the changes marked (sanitised)'),
});

/** What the redline endpoint sends: changed clauses, where every clause went, and the document. */
export function presentRedline(redline: Redline): z.infer<typeof redlineSchema> {
  return {
    stats: redline.stats,
    clauses: redline.clauses
      .filter((c) => c.change !== 'unchanged')
      .map((c) => ({
        ref: c.ref,
        fromRef: c.fromRef,
        change: c.change,
        textChanged: c.textChanged,
        html: c.html,
        ...(c.mergedInto === undefined ? {} : { mergedInto: c.mergedInto }),
        ...(c.splitFrom === undefined ? {} : { splitFrom: c.splitFrom }),
        ...(c.coarse ? { coarse: true } : {}),
      })),
    mapping: redline.mapping,
    movedAway: redline.movedAway.map(({ fromRef, toRef }) => ({ fromRef, toRef })),
    notes: redline.notes,
    documentHtml: redlineDocumentHtml(redline),
  };
}

/**
 * The presented redline between two clause lists, as UTF-8 JSON: made where it is computed (on
 * the worker thread for large versions), so that the main thread has nothing left to serialise
 * or encode, and the bytes cross threads without a copy.
 */
export function redlineJson(from: Clause[], to: Clause[]): Buffer {
  return Buffer.from(JSON.stringify(presentRedline(computeRedline(from, to))));
}

const comparedVersionSchema = z.object({
  id: z.string(),
  label: z.string(),
  createdAt: z.string(),
});

/** GET /api/artefacts/:id/redline: the redline, and the two versions it compares beside it. */
export const redlineResponseSchema = redlineSchema.extend({
  from: comparedVersionSchema,
  to: comparedVersionSchema,
});
