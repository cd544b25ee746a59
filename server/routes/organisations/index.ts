import { createOrganisation } from '../../commands/createOrganisation.js';
import { listOrganisations } from '../../db/queries/organisations.js';
import { endpoint } from '../../http/endpoint.js';
import { z } from 'zod';
import { dataOf } from '../../presenters/envelope.js';
import { organisationSchema, presentOrganisation } from '../../presenters/organisation.js';
import { createOrganisationBody } from './schema.js';

export const organisationEndpoints = [
  endpoint({
    method: 'get',
    path: '/organisations',
    summary: 'List organisations',
    operationId: 'listOrganisations',
    response: dataOf(z.array(organisationSchema)),
    tag: 'organisations',
    policy: 'organisation.list',
    async handler({ services }) {
      return { data: (await listOrganisations(services.db)).map(presentOrganisation) };
    },
  }),
  endpoint({
    method: 'post',
    path: '/organisations',
    summary: 'Create an organisation',
    operationId: 'createOrganisation',
    response: dataOf(organisationSchema),
    errors: [409],
    tag: 'organisations',
    policy: 'organisation.create',
    body: createOrganisationBody,
    status: 201,
    async handler({ body, actor, services }) {
      return { data: presentOrganisation(await createOrganisation(services.db, actor.id, body)) };
    },
  }),
];
