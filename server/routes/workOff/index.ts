import type { Response } from 'express';
import { z } from 'zod';
import { updateWorkOffItem } from '../../commands/updateWorkOffItem.js';
import type { Db } from '../../db/database.js';
import {
  findWorkOffItem,
  listWorkOffItems,
  type WorkOffFilters,
} from '../../db/queries/workOff.js';
import { notFound } from '../../errors.js';
import { endpoint } from '../../http/endpoint.js';
import { CONTENT_TYPES, type CommentLogFormat } from '../../lib/commentLogFiles.js';
import { workOffCsv, workOffXlsx } from '../../lib/workOffFiles.js';
import type { Actor } from '../../policies/index.js';
import { commentVisibility } from '../../policies/commentVisibility.js';
import { dataOf } from '../../presenters/envelope.js';
import { presentWorkOffItem, workOffItemSchema, workOffRecord } from '../../presenters/workOff.js';
import { listWorkOffQuery, updateWorkOffBody, workOffParams } from './schema.js';

async function visibleItems(db: Db, actor: Actor, filters: WorkOffFilters) {
  const visibility = commentVisibility(actor);
  return (await listWorkOffItems(db, filters)).map((row) => presentWorkOffItem(row, visibility));
}

async function sendExport(
  db: Db,
  actor: Actor,
  filters: WorkOffFilters,
  format: CommentLogFormat,
  res: Response,
) {
  const records = (await visibleItems(db, actor, filters)).map(workOffRecord);
  const file = format === 'xlsx' ? await workOffXlsx(records) : workOffCsv(records);
  const today = new Date().toISOString().slice(0, 10);
  res
    .status(200)
    .type(CONTENT_TYPES[format])
    .set('Content-Disposition', `attachment; filename="post-m6-work-off-${today}.${format}"`)
    .set('Cache-Control', 'no-store')
    .send(file);
  return undefined;
}

export const workOffEndpoints = [
  endpoint({
    method: 'get',
    path: '/work-off',
    summary:
      'The post-M6 work-off register: deferred comments and post-M6 changes, with owner, target and status',
    operationId: 'listWorkOff',
    response: dataOf(z.array(workOffItemSchema)),
    tag: 'work-off',
    policy: 'workOff.list',
    query: listWorkOffQuery,
    async handler({ query, actor, services }) {
      return { data: await visibleItems(services.db, actor, query) };
    },
  }),
  endpoint({
    method: 'get',
    path: '/work-off/export.csv',
    summary: 'The work-off register as CSV, filtered as the list',
    operationId: 'exportWorkOffCsv',
    response: {
      raw: [CONTENT_TYPES.csv],
      description: 'The register as CSV (UTF-8), one row per item, as an attachment',
    },
    tag: 'work-off',
    policy: 'workOff.list',
    query: listWorkOffQuery,
    async handler({ query, actor, services, res }) {
      return sendExport(services.db, actor, query, 'csv', res);
    },
  }),
  endpoint({
    method: 'get',
    path: '/work-off/export.xlsx',
    summary: 'The work-off register as an XLSX workbook, filtered as the list',
    operationId: 'exportWorkOffXlsx',
    response: {
      raw: [CONTENT_TYPES.xlsx],
      description: 'The register as an XLSX workbook, as an attachment',
    },
    tag: 'work-off',
    policy: 'workOff.list',
    query: listWorkOffQuery,
    async handler({ query, actor, services, res }) {
      return sendExport(services.db, actor, query, 'xlsx', res);
    },
  }),
  endpoint({
    method: 'patch',
    path: '/work-off/:id',
    summary: "Set a work-off item's owner, target milestone, status or notes (at its revision)",
    operationId: 'updateWorkOffItem',
    response: dataOf(workOffItemSchema),
    errors: [409],
    tag: 'work-off',
    policy: 'workOff.update',
    params: workOffParams,
    body: updateWorkOffBody,
    async handler({ params, body, actor, services }) {
      await updateWorkOffItem(services.db, actor, params.id, body);
      const row = await findWorkOffItem(services.db, params.id);
      if (!row) throw notFound(`No work-off item with id "${params.id}"`);
      return { data: presentWorkOffItem(row, commentVisibility(actor)) };
    },
  }),
];
