import type { Db } from '../../db/database.js';
import { findPreviousVersionId, findVersionText } from '../../db/queries/artefacts.js';
import { cachedRedlineJson, loadVersionClauses } from '../../db/versionCache.js';
import { badRequest, notFound } from '../../errors.js';
import { endpoint } from '../../http/endpoint.js';
import { sendDocx } from '../../http/sendDocx.js';
import { DOCX_CONTENT_TYPE } from '../../lib/docxToMarkdown.js';
import { redlineResponseSchema } from '../../presenters/redline.js';
import { runTask } from '../../lib/offThread.js';
import { requireArtefact } from '../requireArtefact.js';
import { artefactParams } from '../artefacts/schema.js';
import { redlineQuery } from './schema.js';

async function versionOf(
  db: Db,
  artefact: { id: string; reference: string },
  versionId: string,
  param: string,
) {
  const version = await loadVersionClauses(db, versionId);
  if (!version) throw notFound(`No version with id "${versionId}"`);
  if (version.artefactId !== artefact.id) {
    throw badRequest(
      `query.${param}: version "${versionId}" belongs to another artefact, not ${artefact.reference}`,
    );
  }
  return version;
}

/** The two versions a redline compares: `to` (default current) and `from` (default the one before). */
async function comparedVersions(
  db: Db,
  artefact: { id: string; reference: string; currentVersionId: string | null },
  query: { from?: string; to?: string },
) {
  const toId = query.to ?? artefact.currentVersionId;
  if (!toId) throw badRequest(`${artefact.reference} has no published version to compare`);
  const to = await versionOf(db, artefact, toId, 'to');
  const fromId = query.from ?? (await findPreviousVersionId(db, artefact.id, to.id));
  if (!fromId)
    throw badRequest(
      `query.from: ${artefact.reference} has no version before "${to.label}" to compare with`,
    );
  const from = await versionOf(db, artefact, fromId, 'from');
  return { from, to };
}

export const redlineEndpoints = [
  endpoint({
    method: 'get',
    path: '/artefacts/:id/redline',
    summary:
      'Clause-aware redline between two versions (default: the current version and the one before)',
    operationId: 'getRedline',
    response: redlineResponseSchema,
    tag: 'versions',
    policy: 'version.read',
    params: artefactParams,
    query: redlineQuery,
    async handler({ params, query, services, res }) {
      const { db } = services;
      const artefact = await requireArtefact(db, params.id);
      const { from, to } = await comparedVersions(db, artefact, query);
      // The redline arrives as UTF-8 JSON made off the main thread (see presenters/redline.ts);
      // only the two version summaries are written here, so a large redline costs this thread
      // nothing but the write.
      const redline = await cachedRedlineJson(from, to);
      const versions = JSON.stringify({
        from: { id: from.id, label: from.label, createdAt: from.createdAt },
        to: { id: to.id, label: to.label, createdAt: to.createdAt },
      });
      const head = Buffer.from(`${versions.slice(0, -1)},`);
      const rest = redline.subarray(1);
      res.status(200).type('application/json');
      res.setHeader('content-length', head.byteLength + rest.byteLength);
      res.write(head);
      res.end(rest);
      return undefined;
    },
  }),
  endpoint({
    method: 'get',
    path: '/artefacts/:id/redline.docx',
    summary:
      'The redline as a Word document: the `to` version with every change from `from` a tracked change by its author',
    operationId: 'getRedlineDocx',
    response: {
      raw: [DOCX_CONTENT_TYPE],
      description: 'The `to` version as a Word document, each change from `from` a tracked change',
    },
    tag: 'versions',
    policy: 'version.read',
    params: artefactParams,
    query: redlineQuery,
    async handler({ params, query, services, res }) {
      const { db } = services;
      const artefact = await requireArtefact(db, params.id);
      // The Markdown only: the clauses and HTML the JSON redline reads are as large again.
      const text = async (id: string) => {
        const version = await findVersionText(db, artefact.id, id);
        if (!version) throw notFound(`No version with id "${id}" of ${artefact.reference}`);
        return version;
      };
      const toId = query.to ?? artefact.currentVersionId;
      if (!toId) throw badRequest(`${artefact.reference} has no published version to compare`);
      const to = await text(toId);
      const fromId = query.from ?? (await findPreviousVersionId(db, artefact.id, to.id));
      if (!fromId)
        throw badRequest(
          `query.from: ${artefact.reference} has no version before "${to.label}" to compare with`,
        );
      const from = await text(fromId);
      const file = await runTask(
        'redlineDocx',
        [
          from.body,
          to.body,
          {
            title: `${artefact.reference} ${from.label} to ${to.label}`,
            author: to.authorName ?? 'Unknown author',
            date: to.createdAt,
          },
        ],
        from.body.length + to.body.length,
      );
      sendDocx(res, `${artefact.reference}-${from.label}-to-${to.label}-redline`, file as Buffer);
      return undefined;
    },
  }),
];
