import { z } from 'zod';
import { markNoCodeImpact, withdrawNoCodeImpact } from '../../commands/markNoCodeImpact.js';
import { createChange, updateChange } from '../../commands/saveChange.js';
import type { Db } from '../../db/database.js';
import { findChange, listChanges } from '../../db/queries/changes.js';
import { notFound } from '../../errors.js';
import { endpoint } from '../../http/endpoint.js';
import { requireArtefact } from '../requireArtefact.js';
import { changeSchema, presentChange } from '../../presenters/change.js';
import { dataOf } from '../../presenters/envelope.js';
import {
  changeArtefactParams,
  changeParams,
  createChangeBody,
  listChangesQuery,
  noImpactBody,
  updateChangeBody,
} from './schema.js';

async function presentOne(db: Db, id: string) {
  const change = await findChange(db, id);
  if (!change) throw notFound(`No change with id "${id}"`);
  return { data: presentChange(change) };
}

export const changeEndpoints = [
  endpoint({
    method: 'get',
    path: '/changes',
    summary: 'Change Requests and Design Issue Notes, with the artefacts they affect',
    operationId: 'listChanges',
    response: dataOf(z.array(changeSchema)),
    errors: [404],
    tag: 'changes',
    policy: 'change.list',
    query: listChangesQuery,
    async handler({ query, services }) {
      const artefactId = query.artefactId
        ? (await requireArtefact(services.db, query.artefactId)).id
        : undefined;
      const rows = await listChanges(services.db, { status: query.status, artefactId });
      return { data: rows.map(presentChange) };
    },
  }),
  endpoint({
    method: 'post',
    path: '/changes',
    summary: 'Record a Change Request or Design Issue Note',
    operationId: 'createChange',
    response: dataOf(changeSchema),
    errors: [409],
    tag: 'changes',
    policy: 'change.create',
    body: createChangeBody,
    status: 201,
    async handler({ body, actor, services }) {
      await createChange(services.db, actor, body);
      return presentOne(services.db, body.id);
    },
  }),
  endpoint({
    method: 'get',
    path: '/changes/:id',
    summary: 'One change, e.g. CR053 or DIN-0179',
    operationId: 'getChange',
    response: dataOf(changeSchema),
    tag: 'changes',
    policy: 'change.list',
    params: changeParams,
    async handler({ params, services }) {
      return presentOne(services.db, params.id);
    },
  }),
  endpoint({
    method: 'patch',
    path: '/changes/:id',
    summary: "Edit a change's title, status, decision date, post-M6 flag or affected artefacts",
    operationId: 'updateChange',
    response: dataOf(changeSchema),
    tag: 'changes',
    policy: 'change.update',
    params: changeParams,
    body: updateChangeBody,
    async handler({ params, body, actor, services }) {
      await updateChange(services.db, actor, params.id, body);
      return presentOne(services.db, params.id);
    },
  }),
  endpoint({
    method: 'post',
    path: '/changes/:id/artefacts/:artefactId/no-impact',
    summary: 'Say, with a reason, that a change needs no code change in one artefact it affects',
    operationId: 'markNoCodeImpact',
    response: dataOf(changeSchema),
    tag: 'changes',
    policy: 'change.markNoImpact',
    params: changeArtefactParams,
    body: noImpactBody,
    async handler({ params, body, actor, services }) {
      const artefact = await requireArtefact(services.db, params.artefactId);
      await markNoCodeImpact(services.db, actor, { changeId: params.id, artefact }, body.reason);
      return presentOne(services.db, params.id);
    },
  }),
  endpoint({
    method: 'delete',
    path: '/changes/:id/artefacts/:artefactId/no-impact',
    summary: 'Withdraw a no-code-impact mark',
    operationId: 'withdrawNoCodeImpact',
    response: dataOf(changeSchema),
    tag: 'changes',
    policy: 'change.markNoImpact',
    params: changeArtefactParams,
    async handler({ params, actor, services }) {
      const artefact = await requireArtefact(services.db, params.artefactId);
      await withdrawNoCodeImpact(services.db, actor, { changeId: params.id, artefact });
      return presentOne(services.db, params.id);
    },
  }),
];
