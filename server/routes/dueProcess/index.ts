import { z } from 'zod';
import { recordDueProcessResponse } from '../../commands/recordDueProcessResponse.js';
import { respondToDueProcessRefusal } from '../../commands/respondToDueProcessRefusal.js';
import { listDueProcessResponses, loadDueProcessFacts } from '../../db/queries/dueProcess.js';
import { summariseDueProcess } from '../../domain/dueProcess.js';
import type { Role } from '../../domain/vocabulary.js';
import { endpoint } from '../../http/endpoint.js';
import {
  dueProcessResponseSchema,
  dueProcessSummarySchema,
  presentDueProcessResponse,
  presentDueProcessSummary,
  programmeResponseSchema,
} from '../../presenters/dueProcess.js';
import { dataOf } from '../../presenters/envelope.js';
import { dueProcessResponseBody, refusalParams, refusalResponseBody } from './schema.js';

/** Who sees every organisation's response; everyone else sees only their own organisation's. */
const SEE_ALL: readonly Role[] = ['programme', 'sro', 'admin'];

export const dueProcessEndpoints = [
  endpoint({
    method: 'post',
    path: '/due-process/responses',
    summary:
      "Give your organisation's due-process confirmations (replaces its earlier response: 201 first time, 200 after)",
    operationId: 'recordDueProcessResponse',
    response: dataOf(dueProcessResponseSchema.nullable()).describe('Recorded'),
    alternative: {
      status: 200,
      description: 'Recorded, replacing the organisation’s earlier response',
    },
    tag: 'due-process',
    policy: 'dueProcess.respond',
    body: dueProcessResponseBody,
    status: 201,
    async handler({ body, actor, services, answerWith }) {
      const { replaced } = await recordDueProcessResponse(services.db, actor, body);
      const [row] = await listDueProcessResponses(services.db, {
        organisationId: actor.organisationId ?? '',
      });
      if (replaced) answerWith(200);
      return { data: row ? presentDueProcessResponse(row) : null };
    },
  }),
  endpoint({
    method: 'get',
    path: '/due-process/responses',
    summary: "Due-process responses: all of them for the programme, else your organisation's",
    operationId: 'listDueProcessResponses',
    response: dataOf(z.array(dueProcessResponseSchema)),
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
    operationId: 'getDueProcessSummary',
    response: dataOf(dueProcessSummarySchema),
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
    operationId: 'answerDueProcessRefusal',
    response: dataOf(programmeResponseSchema),
    errors: [409],
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
