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

/** What an import answers (commands/importComments.ts ImportResult). */
export const importResultSchema = z.object({
  created: z.number().int(),
  skipped: z
    .array(z.string())
    .describe('Refs of rows whose comment already exists: skipped, never overwritten'),
  total: z.number().int().describe('Data rows in the file'),
});
