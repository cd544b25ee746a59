import { recordDueProcessResponse } from '../../commands/recordDueProcessResponse.js';
import { respondToDueProcessRefusal } from '../../commands/respondToDueProcessRefusal.js';
import { listDueProcessResponses, loadDueProcessFacts } from '../../db/queries/dueProcess.js';
import { summariseDueProcess } from '../../domain/dueProcess.js';
import type { Role } from '../../domain/vocabulary.js';
import { endpoint } from '../../http/endpoint.js';
import {
  presentDueProcessResponse,
  presentDueProcessSummary,
} from '../../presenters/dueProcess.js';
import { dueProcessResponseBody, refusalParams, refusalResponseBody } from './schema.js';

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
    summary:
      'Coverage over all participant organisations: who has not responded, the share of responders giving each confirmation, refusals with the programme response, lessons learnt',
    tag: 'due-process',
    policy: 'dueProcess.read',
    async handler({ actor, services }) {
      const { responses, participants } = await loadDueProcessFacts(services.db);
      const summary = summariseDueProcess(responses, participants);
      return {
        data: presentDueProcessSummary(
          summary,
          SEE_ALL.includes(actor.role) ? null : (actor.organisationId ?? ''),
        ),
      };
    },
  }),
  endpoint({
    method: 'put',
    path: '/due-process/responses/:id/refusals/:key',
    summary: "Record (or replace) the programme's response to an organisation's refusal",
    tag: 'due-process',
    policy: 'dueProcess.answerRefusal',
    params: refusalParams,
    body: refusalResponseBody,
    async handler({ params, body, actor, services }) {
      return {
        data: await respondToDueProcessRefusal(services.db, actor, {
          responseId: params.id,
          key: params.key,
          text: body.text,
        }),
      };
    },
  }),
];
