import { z } from 'zod';
import { ARTEFACT_KINDS, BRAG_VALUES, CHANGE_ID_PATTERN } from '../../domain/vocabulary.js';

const code = z.string().trim().toUpperCase().pipe(z.string().min(1).max(20));

export const listArtefactsQuery = z.object({
  code: code.optional(),
  kind: z.enum(ARTEFACT_KINDS).optional(),
  brag: z.enum(BRAG_VALUES).optional(),
  q: z.string().trim().max(200).optional(),
});

export const artefactParams = z.object({ id: z.string().min(1).max(200) });
export const versionParams = artefactParams.extend({ versionId: z.string().min(1).max(200) });

const text = (max: number) => z.string().trim().min(1).max(max);

export const createArtefactBody = z.object({
  code,
  kind: z.enum(ARTEFACT_KINDS),
  reference: text(200),
  title: text(500),
  topicArea: text(200).default('Finalisation'),
});

// No `status`: it follows the artefact's lifecycle (domain/artefactLifecycle.ts), not typed in.
export const updateArtefactBody = z
  .object({
    kind: z.enum(ARTEFACT_KINDS),
    reference: text(200),
    title: text(500),
    topicArea: text(200),
  })
  .partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'name at least one field to change');

/** A Word upload may be at most this large; the Markdown made from it is limited by the command. */
export const VERSION_UPLOAD_MAX_BYTES = 20 * 1024 * 1024;

const changeIds = z
  .array(
    z.string().trim().regex(CHANGE_ID_PATTERN, 'must be a change id such as CR053 or DIN-0179'),
  )
  .max(500);

const commentRefs = z.array(z.string().trim().min(1).max(100)).max(5000);

/** "CR053, DIN-0179" -> ['CR053', 'DIN-0179']: a form field cannot carry an array. */
const commaSeparated = (value: string): string[] =>
  value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');

/**
 * Either JSON with the Markdown `body`, or a multipart form whose `file` is a Word .docx and
 * whose text fields are the rest (exactly one of `body` and `file`; the handler checks that).
 */
export const publishVersionBody = z.object({
  label: text(100),
  // The 5 MB limit is enforced by the command with a 413, not here with a 400.
  body: z
    .string()
    .min(1, 'body must not be empty')
    .optional()
    .describe('The version as Markdown; omitted when a Word .docx is uploaded as `file`'),
  changeNote: z.string().trim().max(5000).default(''),
  incorporates: z
    .union([changeIds, z.string().transform(commaSeparated).pipe(changeIds)])
    .default([])
    .describe('Change ids; in a multipart form, one comma-separated field'),
  resolves: z
    .union([commentRefs, z.string().transform(commaSeparated).pipe(commentRefs)])
    .default([])
    .describe(
      'Refs of accepted or partially accepted comments on this artefact whose proposals the version applies',
    ),
});
