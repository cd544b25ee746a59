import express, { type Request, type Response } from 'express';
import type { z } from 'zod';
import { importComments } from '../../commands/importComments.js';
import { listArtefacts } from '../../db/queries/artefacts.js';
import { commentBatches } from '../../db/queries/commentBatches.js';
import { artefactLabels, commentLogRecord } from '../../domain/commentLog/index.js';
import { AppError, badRequest, payloadTooLarge, tooManyRequests } from '../../errors.js';
import { endpoint } from '../../http/endpoint.js';
import {
  CONTENT_TYPES,
  CSV_TYPE,
  XLSX_TYPE,
  readCsv,
  readXlsx,
  writeCommentLogCsv,
  writeCommentLogXlsx,
  type CommentLogFormat,
} from '../../lib/commentLogFiles.js';
import { perKeyLimit } from '../../lib/perKeyLimit.js';
import { turns } from '../../lib/turns.js';
import { commentVisibility } from '../../policies/commentVisibility.js';
import { raisedByName } from '../../presenters/comment.js';
import { dataOf } from '../../presenters/envelope.js';
import { resolveCommentFilters } from '../comments/index.js';
import {
  EXPORTS_AT_ONCE,
  EXPORTS_PER_USER,
  EXPORTS_WAITING,
  EXPORT_RETRY_AFTER_SECONDS,
  UPLOAD_LIMIT,
  UPLOAD_TYPES,
  exportCommentsQuery,
  importResultSchema,
} from './schema.js';

// The import's body is the file itself, so this route reads it with its own raw parser; the JSON
// parser that runs first for all of /api leaves other content types unread.
const readRawBody = express.raw({ type: Object.keys(UPLOAD_TYPES), limit: UPLOAD_LIMIT });

async function receiveUpload(
  req: Request,
  res: Response,
): Promise<{ format: CommentLogFormat; file: Buffer }> {
  const matched = req.is(Object.keys(UPLOAD_TYPES));
  if (matched === null) throw badRequest('Send the comment log file as the request body');
  const format = matched ? UPLOAD_TYPES[matched] : undefined;
  if (!format) {
    const sent = req.get('content-type');
    throw new AppError(
      415,
      'unsupported_media_type',
      `Send the comment log as the raw file, with Content-Type text/csv for a .csv file or ${XLSX_TYPE} for a .xlsx workbook${sent ? ` (this request sent ${sent})` : ''}`,
    );
  }
  await new Promise<void>((resolve, reject) => {
    readRawBody(req, res, (err?: unknown) => (err ? reject(err) : resolve()));
  }).catch((err: unknown) => {
    if ((err as { type?: string }).type === 'entity.too.large') {
      throw payloadTooLarge(
        `The file is larger than ${UPLOAD_LIMIT.toUpperCase()}; split the log into smaller files`,
      );
    }
    throw err;
  });
  const file: unknown = req.body;
  if (!Buffer.isBuffer(file) || file.length === 0) throw badRequest('The file is empty');
  return { format, file };
}

const today = () => new Date().toISOString().slice(0, 10);

// An export of the whole log takes seconds of the main thread's time: a caller may run a few at
// once, not dozens, and the server writes a few at a time, the rest waiting their turn.
export const exportsRunning = perKeyLimit(EXPORTS_PER_USER);
const exportTurns = turns(EXPORTS_AT_ONCE, EXPORTS_WAITING);

export const commentLogEndpoints = [
  endpoint({
    method: 'get',
    path: '/comments/export',
    summary:
      'The comments you can see, filtered as the queue, as an industry comment log (CSV or XLSX)',
    operationId: 'exportComments',
    response: {
      raw: [CSV_TYPE, XLSX_TYPE],
      description:
        'The comment log as an attachment: CSV (UTF-8; a cell that a spreadsheet would read as a formula starts with an apostrophe) or an XLSX workbook',
    },
    errors: [404, 429],
    tag: 'comments',
    policy: 'comment.export',
    query: exportCommentsQuery,
    async handler({ query, actor, services, req, res }) {
      const release = exportsRunning.tryEnter(actor.id);
      if (!release) {
        throw tooManyRequests(
          `You already have ${EXPORTS_PER_USER} exports running; try again when one has finished`,
          EXPORT_RETRY_AFTER_SECONDS,
        );
      }
      // Finished, failed or abandoned by the client: the response closes either way.
      let closed = false;
      res.once('close', () => {
        closed = true;
        release();
      });
      const turn = exportTurns.take();
      if (!turn) {
        throw tooManyRequests(
          'The server is busy with other exports; try again shortly',
          EXPORT_RETRY_AFTER_SECONDS,
        );
      }
      const done = await turn;
      if (closed) {
        done();
        return undefined;
      }
      res.once('close', done);
      const filters = await resolveCommentFilters(services.db, actor, query);
      const labels = artefactLabels(await listArtefacts(services.db, {}));
      const batches = commentBatches(services.db, commentVisibility(actor), filters);
      const records = (async function* () {
        for await (const comments of batches) {
          yield comments.map((c) =>
            commentLogRecord(
              {
                ...c,
                raisedBy: raisedByName(c),
                confidential: c.confidential === 1,
              },
              labels.get(c.artefactId) ?? c.artefactReference,
            ),
          );
        }
      })();
      res
        .status(200)
        .type(CONTENT_TYPES[query.format])
        .set(
          'Content-Disposition',
          `attachment; filename="m6-comment-log-${today()}.${query.format}"`,
        )
        .set('Cache-Control', 'no-store');
      try {
        if (query.format === 'xlsx') await writeCommentLogXlsx(records, res);
        else await writeCommentLogCsv(records, res);
      } catch (err) {
        if (res.destroyed) return undefined; // the client went away
        if (!res.headersSent) throw err;
        // Once the file has started, the only way left to say it failed is to cut it short.
        req.log.error({ err }, 'comment log export failed part way');
        res.destroy();
      }
      return undefined;
    },
  }),
  endpoint({
    method: 'post',
    path: '/comments/import',
    summary:
      'Import an industry comment log (the raw .csv or .xlsx file as the body); all rows or none',
    operationId: 'importComments',
    rawBody: {
      contentTypes: Object.keys(UPLOAD_TYPES),
      description: `The comment log file itself, at most ${UPLOAD_LIMIT.toUpperCase()}: CSV, or an XLSX workbook`,
    },
    response: dataOf(importResultSchema),
    errors: [409],
    tag: 'comments',
    policy: 'comment.import',
    async handler({ actor, services, req, res }) {
      const { format, file } = await receiveUpload(req, res);
      const rows = format === 'xlsx' ? await readXlsx(file) : await readCsv(file);
      const result: z.infer<typeof importResultSchema> = await importComments(
        services.db,
        actor,
        rows,
      );
      return { data: result };
    },
  }),
];
