import { createConsultation } from '../../commands/createConsultation.js';
import { changeConsultationClosing } from '../../commands/changeConsultationClosing.js';
import { closeConsultation } from '../../commands/closeConsultation.js';
import type { Db } from '../../db/database.js';
import { consultationHistory, listConsultations } from '../../db/queries/consultations.js';
import { endpoint } from '../../http/endpoint.js';
import { requireArtefact } from '../requireArtefact.js';
import { nowIso } from '../../lib/ids.js';
import { z } from 'zod';
import { consultationSchema, presentConsultation } from '../../presenters/consultation.js';
import { dataOf } from '../../presenters/envelope.js';
import {
  changeClosingBody,
  closeConsultationBody,
  consultationParams,
  createConsultationBody,
  listConsultationsQuery,
} from './schema.js';

async function presentOne(db: Db, id: string) {
  const [row] = await listConsultations(db, undefined, id);
  return presentConsultation(row!, nowIso(), await consultationHistory(db, [id]));
}

export const consultationEndpoints = [
  endpoint({
    method: 'get',
    path: '/consultations',
    summary: 'Consultations with their state (open, upcoming, closed)',
    operationId: 'listConsultations',
    errors: [404],
    response: dataOf(z.array(consultationSchema)),
    tag: 'consultations',
    policy: 'consultation.list',
    query: listConsultationsQuery,
    async handler({ query, services }) {
      const now = nowIso();
      let artefactId: string | undefined;
      if (query.artefactId) {
        const artefact = await requireArtefact(services.db, query.artefactId);
        artefactId = artefact.id;
      }
      const rows = await listConsultations(services.db, artefactId);
      const history = await consultationHistory(
        services.db,
        rows.map((c) => c.id),
      );
      const data = rows.map((c) => presentConsultation(c, now, history));
      return { data: query.state ? data.filter((c) => c.state === query.state) : data };
    },
  }),
  endpoint({
    method: 'post',
    path: '/consultations',
    summary: 'Open a consultation window over a set of artefacts',
    operationId: 'createConsultation',
    response: dataOf(consultationSchema),
    errors: [409],
    tag: 'consultations',
    policy: 'consultation.create',
    body: createConsultationBody,
    status: 201,
    async handler({ body, actor, services }) {
      return {
        data: presentConsultation(await createConsultation(services.db, actor, body), nowIso()),
      };
    },
  }),
  endpoint({
    method: 'post',
    path: '/consultations/:id/close',
    summary: 'Close a consultation now, with a reason',
    operationId: 'closeConsultation',
    response: dataOf(consultationSchema),
    errors: [409],
    tag: 'consultations',
    policy: 'consultation.control',
    params: consultationParams,
    body: closeConsultationBody,
    async handler({ params, body, actor, services }) {
      await closeConsultation(services.db, actor, params.id, body);
      return { data: await presentOne(services.db, params.id) };
    },
  }),
  endpoint({
    method: 'patch',
    path: '/consultations/:id',
    summary: 'Extend, shorten or reopen a consultation by a new closing time, with a reason',
    operationId: 'changeConsultationClosing',
    response: dataOf(consultationSchema),
    errors: [409],
    tag: 'consultations',
    policy: 'consultation.control',
    params: consultationParams,
    body: changeClosingBody,
    async handler({ params, body, actor, services }) {
      await changeConsultationClosing(services.db, actor, params.id, body);
      return { data: await presentOne(services.db, params.id) };
    },
  }),
];
