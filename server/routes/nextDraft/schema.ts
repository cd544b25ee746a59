import { z } from 'zod';

const refList = z
  .string()
  .max(100_000)
  .transform((value) =>
    value
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== ''),
  )
  .pipe(z.array(z.string().max(100)).max(5000))
  .optional();

export const nextDraftQuery = z.object({
  skip: refList.describe('Comma-separated comment refs whose proposals are left out'),
  choose: refList.describe(
    'Comma-separated comment refs chosen where two proposals on one clause conflict',
  ),
});

const proposal = z.object({
  commentRef: z.string(),
  clauseRef: z.string(),
  quote: z.string().nullable(),
  proposedText: z.string(),
});

/** The prepared draft (domain/nextDraft.ts) and what it was made from. */
export const nextDraftResponse = z.object({
  data: z.object({
    body: z.string().describe('The next draft as Markdown, to edit and publish'),
    applied: z.array(
      z.object({
        commentRef: z.string(),
        clauseRef: z.string(),
        before: z.string().describe('The words replaced'),
        after: z.string().describe('The words put in their place'),
      }),
    ),
    conflicts: z
      .array(
        z.object({
          clauseRef: z.string(),
          commentRefs: z.array(z.string()),
          chosen: z.string().nullable(),
        }),
      )
      .describe('Clauses with more than one proposal: choose one with `choose`'),
    skipped: z.array(z.string()).describe('Comment refs left out with `skip`'),
    unapplied: z.array(
      z.object({ commentRef: z.string(), clauseRef: z.string(), reason: z.string() }),
    ),
    version: z
      .object({ id: z.string(), label: z.string(), createdAt: z.string() })
      .describe('The current version the draft starts from'),
    proposals: z
      .array(proposal)
      .describe("Accepted comments' proposed text not yet resolved by a version"),
  }),
});
