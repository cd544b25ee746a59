import { overrideBrag } from '../../commands/overrideBrag.js';
import { notFound } from '../../errors.js';
import { endpoint } from '../../http/endpoint.js';
import { requireArtefact } from '../requireArtefact.js';
import { commentVisibility } from '../../policies/commentVisibility.js';
import { z } from 'zod';
import { BRAG_VALUES } from '../../domain/vocabulary.js';
import { bragSourceSchema } from '../../presenters/artefact.js';
import { dataOf } from '../../presenters/envelope.js';
import {
  artefactReadinessSchema,
  currentReadinessSchema,
  outstandingHistorySchema,
  presentArtefactReadiness,
} from '../../presenters/readiness.js';
import { currentReadiness, presentedReadiness } from '../../readiness.js';
import { artefactParams } from '../artefacts/schema.js';
import { outstandingHistory } from '../../db/queries/outstandingHistory.js';
import { bragOverrideBody } from './schema.js';

export const readinessEndpoints = [
  endpoint({
    method: 'get',
    path: '/readiness',
    summary:
      'M6 readiness: SC1-SC5 and KD1-KD3 overall, per code and per artefact, with evidence and blockers',
    operationId: 'getReadiness',
    response: currentReadinessSchema,
    tag: 'readiness',
    policy: 'readiness.read',
    async handler({ actor, services }) {
      return presentedReadiness(services.db, actor);
    },
  }),
  endpoint({
    method: 'get',
    path: '/readiness/outstanding-history',
    summary:
      'Outstanding comments at the end of each London day and the most at once that day, from the audit log (counts only, confidential comments included; at most a year)',
    operationId: 'getOutstandingHistory',
    response: dataOf(outstandingHistorySchema),
    tag: 'readiness',
    policy: 'readiness.read',
    async handler({ services }) {
      return { data: await outstandingHistory(services.db) };
    },
  }),
  endpoint({
    method: 'get',
    path: '/artefacts/:id/readiness',
    summary: "One artefact's readiness and BRAG",
    operationId: 'getArtefactReadiness',
    response: dataOf(artefactReadinessSchema),
    tag: 'readiness',
    policy: 'readiness.read',
    params: artefactParams,
    async handler({ params, actor, services }) {
      const artefact = await requireArtefact(services.db, params.id);
      const readiness = await currentReadiness(services.db);
      const entry = readiness.artefacts.find((a) => a.id === artefact.id);
      if (!entry) throw notFound(`No readiness for "${params.id}"`);
      const audience = { kind: 'viewer' as const, visibility: commentVisibility(actor) };
      return { data: presentArtefactReadiness(entry, audience) };
    },
  }),
  endpoint({
    method: 'post',
    path: '/artefacts/:id/brag',
    summary: "Override an artefact's computed BRAG with a reason (null to clear)",
    operationId: 'overrideBrag',
    response: dataOf(
      z.object({
        brag: z.enum(BRAG_VALUES),
        bragSource: bragSourceSchema,
        bragOverrideReason: z.string().nullable(),
      }),
    ),
    tag: 'readiness',
    policy: 'brag.override',
    params: artefactParams,
    body: bragOverrideBody,
    async handler({ params, body, actor, services }) {
      const artefact = await requireArtefact(services.db, params.id);
      await overrideBrag(services.db, actor, artefact, body);
      const readiness = await currentReadiness(services.db);
      const entry = readiness.artefacts.find((a) => a.id === artefact.id);
      return {
        data: entry && {
          brag: entry.brag,
          bragSource: entry.bragSource,
          bragOverrideReason: entry.bragOverrideReason,
        },
      };
    },
  }),
];
