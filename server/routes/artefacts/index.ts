import type { Logger } from 'pino';
import { publishVersion } from '../../commands/publishVersion.js';
import { createArtefact, updateArtefact } from '../../commands/saveArtefact.js';
import type { Db } from '../../db/database.js';
import { findVersion, listArtefacts, listVersions } from '../../db/queries/artefacts.js';
import { commentCountsByArtefact } from '../../db/queries/comments.js';
import { cachedRead } from '../../db/readCache.js';
import { badRequest, notFound } from '../../errors.js';
import { commentVisibility } from '../../policies/commentVisibility.js';
import { authorize, type Actor } from '../../policies/index.js';
import { endpoint, type UploadedFile } from '../../http/endpoint.js';
import { requireArtefact } from '../requireArtefact.js';
import { runTask } from '../../lib/offThread.js';
import { z } from 'zod';
import { artefactSchema, presentArtefact, type Rating } from '../../presenters/artefact.js';
import { dataOf } from '../../presenters/envelope.js';
import type { Readiness } from '../../domain/readiness.js';
import { currentReadiness } from '../../readiness.js';
import {
  presentVersion,
  presentVersionSummary,
  versionSchema,
  versionSummarySchema,
} from '../../presenters/version.js';
import {
  artefactParams,
  createArtefactBody,
  listArtefactsQuery,
  publishVersionBody,
  updateArtefactBody,
  VERSION_UPLOAD_MAX_BYTES,
  versionParams,
} from './schema.js';

/** Word uploads smaller than this (bytes) convert in well under 100 ms: in place. */
const DOCX_IN_PLACE_BYTES = 50_000;
/**
 * The converting worker's heap: the largest document the package limits let through (6 MB of XML)
 * fits, and the process stays within 300 MB of its idle size during an upload.
 */
const DOCX_HEAP_LIMIT_MB = 160;

function ratingsOf(readiness: Readiness): Map<string, Rating> {
  return new Map(
    readiness.artefacts.map((a) => [
      a.id,
      { brag: a.brag, bragSource: a.bragSource, baselined: a.baselined, status: a.status },
    ]),
  );
}

async function presentOne(db: Db, actor: Actor, idOrSlug: string) {
  const artefact = await requireArtefact(db, idOrSlug);
  const counts = await commentCountsByArtefact(db, commentVisibility(actor), artefact.id);
  const ratings = ratingsOf(await currentReadiness(db));
  return { data: presentArtefact(artefact, counts.get(artefact.id), ratings.get(artefact.id)) };
}

interface VersionText {
  body: string;
  source: 'markdown' | 'docx';
  sourceFile?: string;
  /** What the uploader is told about the Word document (tracked changes accepted, …). */
  warnings: string[];
}

/** The version's Markdown: sent as `body`, or converted from an uploaded Word `file`. */
async function versionText(
  body: { body?: string | undefined },
  file: UploadedFile | undefined,
  log: Logger,
): Promise<VersionText> {
  if (file && body.body !== undefined) {
    throw badRequest('Send the version either as Markdown `body` or as a Word `file`, not both');
  }
  if (file) {
    // Converting a large document takes seconds of CPU: off the main thread, as other heavy work.
    const { markdown, warnings, messages } = await runTask(
      'docxToMarkdown',
      [{ buffer: file.buffer, originalname: file.originalname, mimetype: file.mimetype }],
      file.buffer.length,
      { inPlaceLimit: DOCX_IN_PLACE_BYTES, heapLimitMb: DOCX_HEAP_LIMIT_MB },
    );
    if (messages.length > 0 || warnings.length > 0) {
      log.debug({ file: file.originalname, messages, warnings }, 'docx conversion');
    }
    return { body: markdown, source: 'docx', sourceFile: file.originalname, warnings };
  }
  if (body.body === undefined) {
    const message =
      'body.body: send the version as Markdown `body`, or upload a Word .docx as `file` (multipart/form-data)';
    throw badRequest(message, [{ path: 'body.body', message: 'Required' }]);
  }
  return { body: body.body, source: 'markdown', warnings: [] };
}

export const artefactEndpoints = [
  endpoint({
    method: 'get',
    path: '/artefacts',
    summary: 'List code artefacts with BRAG and comment counts',
    operationId: 'listArtefacts',
    response: dataOf(z.array(artefactSchema)),
    tag: 'artefacts',
    policy: 'artefact.list',
    query: listArtefactsQuery,
    async handler({ query, actor, services }) {
      const { db } = services;
      const visibility = commentVisibility(actor);
      // The registry is read far more than it changes: the presented list is cached per filter and
      // viewer until the next audited write (see db/readCache.ts).
      return cachedRead(db, `artefact-list:${JSON.stringify({ query, visibility })}`, async () => {
        const [rows, counts] = await Promise.all([
          listArtefacts(db, query),
          commentCountsByArtefact(db, visibility),
        ]);
        const ratings = ratingsOf(await currentReadiness(db));
        const data = rows.map((row) =>
          presentArtefact(row, counts.get(row.id), ratings.get(row.id)),
        );
        return { data: query.brag ? data.filter((a) => a.brag === query.brag) : data };
      });
    },
  }),
  endpoint({
    method: 'post',
    path: '/artefacts',
    summary: 'Add an artefact to the registry',
    operationId: 'createArtefact',
    response: dataOf(artefactSchema),
    tag: 'artefacts',
    policy: 'artefact.create',
    body: createArtefactBody,
    status: 201,
    async handler({ body, actor, services }) {
      const created = await createArtefact(services.db, actor.id, body);
      return presentOne(services.db, actor, created.id);
    },
  }),
  endpoint({
    method: 'get',
    path: '/artefacts/:id',
    summary: 'One artefact, by id or slug',
    operationId: 'getArtefact',
    response: dataOf(artefactSchema),
    tag: 'artefacts',
    policy: 'artefact.read',
    params: artefactParams,
    async handler({ params, actor, services }) {
      return presentOne(services.db, actor, params.id);
    },
  }),
  endpoint({
    method: 'patch',
    path: '/artefacts/:id',
    summary: "Edit an artefact's registry fields",
    operationId: 'updateArtefact',
    response: dataOf(artefactSchema),
    tag: 'artefacts',
    policy: 'artefact.update',
    params: artefactParams,
    body: updateArtefactBody,
    async handler({ params, body, actor, services }) {
      const artefact = await requireArtefact(services.db, params.id);
      await updateArtefact(services.db, actor.id, artefact.id, body);
      return presentOne(services.db, actor, artefact.id);
    },
  }),
  endpoint({
    method: 'get',
    path: '/artefacts/:id/versions',
    summary: 'Versions of an artefact, newest first',
    operationId: 'listVersions',
    response: dataOf(z.array(versionSummarySchema)),
    tag: 'versions',
    policy: 'version.list',
    params: artefactParams,
    async handler({ params, services }) {
      const artefact = await requireArtefact(services.db, params.id);
      return { data: (await listVersions(services.db, artefact.id)).map(presentVersionSummary) };
    },
  }),
  endpoint({
    method: 'post',
    path: '/artefacts/:id/versions',
    summary:
      'Publish a new immutable version of an artefact: Markdown as JSON, or a Word .docx as multipart/form-data',
    operationId: 'publishVersion',
    response: dataOf(
      versionSchema.extend({
        warnings: z
          .array(z.string())
          .describe(
            'What the publisher should know, e.g. tracked changes accepted, lines kept as text',
          ),
      }),
    ),
    errors: [409],
    tag: 'versions',
    policy: 'version.publish',
    params: artefactParams,
    body: publishVersionBody,
    upload: { field: 'file', maxBytes: VERSION_UPLOAD_MAX_BYTES },
    status: 201,
    async handler({ params, body, file, actor, services, req }) {
      const artefact = await requireArtefact(services.db, params.id);
      // Checked again by the command; here so that nobody else's upload is converted first.
      authorize(actor, 'version.publish', artefact);
      const { warnings, ...text } = await versionText(body, file, req.log);
      const { parseNotes, ...version } = await publishVersion(services.db, actor, artefact, {
        ...body,
        ...text,
      });
      const stored = await findVersion(services.db, artefact.id, version.id);
      return {
        data: {
          ...presentVersion(stored ?? { ...version, authorName: null }),
          warnings: [...warnings, ...parseNotes],
        },
      };
    },
  }),
  endpoint({
    method: 'get',
    path: '/artefacts/:id/versions/:versionId',
    summary: 'One version with its clauses and sanitised HTML',
    operationId: 'getVersion',
    response: dataOf(versionSchema),
    tag: 'versions',
    policy: 'version.read',
    params: versionParams,
    async handler({ params, services }) {
      const artefact = await requireArtefact(services.db, params.id);
      const version = await findVersion(services.db, artefact.id, params.versionId);
      if (!version)
        throw notFound(`${artefact.reference} has no version with id "${params.versionId}"`);
      return { data: presentVersion(version) };
    },
  }),
];
