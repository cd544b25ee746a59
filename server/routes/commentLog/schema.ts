import { COMMENT_STATUSES } from '../../domain/commentLifecycle.js';
import { z } from 'zod';
import { CSV_TYPE, XLSX_TYPE, type CommentLogFormat } from '../../lib/commentLogFiles.js';

/** The export takes the comment queue's filters plus `format=csv|xlsx`. */
export { exportCommentsQuery } from '../comments/schema.js';

/** Upload types the import reads, and the format each means. */
export const UPLOAD_TYPES: Record<string, CommentLogFormat> = {
  [CSV_TYPE]: 'csv',
  'application/csv': 'csv',
  [XLSX_TYPE]: 'xlsx',
};

/** Larger than any real comment log; a bigger file is answered 413. */
export const UPLOAD_LIMIT = '10mb';

/** Exports one caller may run at once; another is answered 429, to retry after this long. */
export const EXPORTS_PER_USER = 2;
export const EXPORT_RETRY_AFTER_SECONDS = 10;
/** Exports the server writes at once, and how many more may wait their turn (then 429). */
export const EXPORTS_AT_ONCE = 2;
export const EXPORTS_WAITING = 50;

const logRowRef = z.object({
  row: z.number().int().describe('The row number in the file (the header is row 1)'),
  ref: z.string().describe('The comment’s reference, e.g. C-000123 or the imported ID'),
});

/** What an import answers (commands/importComments.ts ImportResult). */
export const importResultSchema = z.object({
  created: z.array(logRowRef).describe('Rows that became new comments'),
  updated: z
    .array(logRowRef.extend({ status: z.enum(COMMENT_STATUSES) }))
    .describe('Rows whose decision was applied, as the triage screen applies it'),
  unchanged: z.array(logRowRef).describe('Rows on existing comments that change nothing'),
  notTheirs: z
    .array(
      logRowRef.extend({
        code: z.string(),
        changed: z.boolean().describe('Whether the row differs from the comment as it is now'),
        reason: z.string(),
      }),
    )
    .describe('Rows on comments only another code body may decide: nothing in them is applied'),
  total: z.number().int().describe('Data rows in the file'),
});
