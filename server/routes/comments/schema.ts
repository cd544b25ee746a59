import { z } from 'zod';
import {
  COMMENT_CATEGORIES,
  COMMENT_STATUSES,
  SEVERITIES,
  MAX_COMMENT_LENGTH,
  TRIAGE_STATUSES,
  type CommentStatus,
} from '../../domain/commentLifecycle.js';
import { CHANGE_ID_PATTERN } from '../../domain/vocabulary.js';

const id = z.string().min(1).max(200);
const longText = z
  .string()
  .max(
    MAX_COMMENT_LENGTH,
    `must be at most ${MAX_COMMENT_LENGTH.toLocaleString('en-GB')} characters`,
  );
const commentBody = longText.refine((s) => s.trim().length > 0, 'must not be empty');
const revision = z.number().int().min(1);

export const commentParams = z.object({ id });

export const createCommentBody = z.object({
  versionId: id.optional(),
  clauseRef: z.string().trim().min(1).max(200),
  quote: z.string().max(2000).nullish(),
  category: z.enum(COMMENT_CATEGORIES),
  severity: z.enum(SEVERITIES).default('medium'),
  body: commentBody,
  proposedText: longText.nullish(),
  confidential: z.boolean().default(false),
});

export const editCommentBody = z
  .object({
    revision,
    quote: z.string().max(2000).nullish(),
    category: z.enum(COMMENT_CATEGORIES).optional(),
    severity: z.enum(SEVERITIES).optional(),
    body: commentBody.optional(),
    proposedText: longText.nullish(),
    confidential: z.boolean().optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 1, 'name at least one field to change');

export const withdrawCommentBody = z.object({ revision });

export const replyBody = z.object({ body: commentBody });

export const triageBody = z.object({
  status: z.enum(TRIAGE_STATUSES),
  response: longText.default(''),
  action: z.string().max(2000).nullish(),
  changeId: z
    .string()
    .trim()
    .regex(CHANGE_ID_PATTERN, 'must be a change id such as CR053 or DIN-0179')
    .nullish(),
  duplicateOf: id.nullish(),
  revision,
});

const statusList = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum([...COMMENT_STATUSES, 'outstanding'])))
  .transform((list) => [
    ...new Set(
      list.flatMap((s): CommentStatus[] => (s === 'outstanding' ? ['open', 'triaged'] : [s])),
    ),
  ]);

export const commentFiltersQuery = z.object({
  artefactId: id.optional(),
  code: z.string().trim().toUpperCase().max(20).optional(),
  status: statusList.optional(),
  category: z.enum(COMMENT_CATEGORIES).optional(),
  severity: z.enum(SEVERITIES).optional(),
  organisationId: id.optional(),
  mine: z.enum(['true', 'false']).optional(),
});

export const listCommentsQuery = commentFiltersQuery.extend({
  /** Place each comment on this version's clauses (comments follow their clause across drafts). */
  versionId: id.optional(),
  sort: z.enum(['oldest', 'newest', 'severity']).default('oldest'),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const exportCommentsQuery = commentFiltersQuery.extend({
  format: z.enum(['csv', 'xlsx']).default('csv'),
});
