import { createConsultation } from '../../commands/createConsultation.js';
import { listConsultations } from '../../db/queries/consultations.js';
import { endpoint } from '../../http/endpoint.js';
import { requireArtefact } from '../requireArtefact.js';
import { nowIso } from '../../lib/ids.js';
import { presentConsultation } from '../../presenters/consultation.js';
import { createConsultationBody, listConsultationsQuery } from './schema.js';

export const consultationEndpoints = [
  endpoint({
    method: 'get',
    path: '/consultations',
    summary: 'Consultations with their state (open, upcoming, closed)',
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
      const data = (await listConsultations(services.db, artefactId)).map((c) =>
        presentConsultation(c, now),
      );
      return { data: query.state ? data.filter((c) => c.state === query.state) : data };
    },
  }),
  endpoint({
    method: 'post',
    path: '/consultations',
    summary: 'Open a consultation window over a set of artefacts',
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
];
