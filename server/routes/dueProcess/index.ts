import { recordDueProcessResponse } from '../../commands/recordDueProcessResponse.js';
import { listDueProcessResponses, loadDueProcessAnswers } from '../../db/queries/dueProcess.js';
import { summariseDueProcess } from '../../domain/dueProcess.js';
import type { Role } from '../../domain/vocabulary.js';
import { endpoint } from '../../http/endpoint.js';
import { presentDueProcessResponse } from '../../presenters/dueProcess.js';
import { dueProcessResponseBody } from './schema.js';

/** Who sees every organisation's response; everyone else sees only their own organisation's. */
const SEE_ALL: readonly Role[] = ['programme', 'sro', 'admin'];

export const dueProcessEndpoints = [
  endpoint({
    method: 'post',
    path: '/due-process/responses',
    summary:
      "Give your organisation's due-process confirmations (replaces its earlier response: 201 first time, 200 after)",
    tag: 'due-process',
    policy: 'dueProcess.respond',
    body: dueProcessResponseBody,
    status: 201,
    async handler({ body, actor, services, res }) {
      const { replaced } = await recordDueProcessResponse(services.db, actor, body);
      const [row] = await listDueProcessResponses(services.db, {
        organisationId: actor.organisationId ?? '',
      });
      res.status(replaced ? 200 : 201).json({ data: row ? presentDueProcessResponse(row) : null });
      return undefined;
    },
  }),
  endpoint({
    method: 'get',
    path: '/due-process/responses',
    summary: "Due-process responses: all of them for the programme, else your organisation's",
    tag: 'due-process',
    policy: 'dueProcess.read',
    async handler({ actor, services }) {
      if (!SEE_ALL.includes(actor.role) && !actor.organisationId) return { data: [] };
      const rows = await listDueProcessResponses(
        services.db,
        SEE_ALL.includes(actor.role) ? {} : { organisationId: actor.organisationId ?? '' },
      );
      return { data: rows.map(presentDueProcessResponse) };
    },
  }),
  endpoint({
    method: 'get',
    path: '/due-process/summary',
    summary: 'How many organisations gave each due-process confirmation, and their lessons learnt',
    tag: 'due-process',
    policy: 'dueProcess.read',
    async handler({ services }) {
      return { data: summariseDueProcess(await loadDueProcessAnswers(services.db)) };
    },
  }),
];
