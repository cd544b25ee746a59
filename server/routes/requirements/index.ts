import { z } from 'zod';
import { createRequirement } from '../../commands/createRequirement.js';
import { markNoRequirements, withdrawNoRequirements } from '../../commands/markNoRequirements.js';
import { traceRequirement, untraceRequirement } from '../../commands/traceRequirement.js';
import type { Db } from '../../db/database.js';
import { findRequirement, listRequirements } from '../../db/queries/requirements.js';
import { notFound } from '../../errors.js';
import { endpoint } from '../../http/endpoint.js';
import { requireArtefact } from '../requireArtefact.js';
import { validate } from '../../lib/validate.js';
import { dataOf } from '../../presenters/envelope.js';
import {
  noRequirementsSchema,
  presentNoRequirements,
  presentRequirement,
  requirementSchema,
} from '../../presenters/requirement.js';
import {
  artefactParams,
  createRequirementBody,
  listRequirementsQuery,
  noRequirementsBody,
  requirementParams,
  traceBody,
  untraceBody,
  untraceQuery,
} from './schema.js';

async function presentOne(db: Db, id: string) {
  const requirement = await findRequirement(db, id);
  if (!requirement) throw notFound(`No requirement with id "${id}"`);
  return { data: presentRequirement(requirement) };
}

export const requirementEndpoints = [
  endpoint({
    method: 'get',
    path: '/requirements',
    summary: 'Design requirements with their traces to clauses, broken ones flagged',
    operationId: 'listRequirements',
    response: dataOf(z.array(requirementSchema)),
    errors: [404],
    tag: 'requirements',
    policy: 'requirement.list',
    query: listRequirementsQuery,
    async handler({ query, services }) {
      const artefactId = query.artefactId
        ? (await requireArtefact(services.db, query.artefactId)).id
        : undefined;
      const rows = await listRequirements(services.db, { artefactId });
      return { data: rows.map(presentRequirement) };
    },
  }),
  endpoint({
    method: 'post',
    path: '/requirements',
    summary: 'Record a design requirement',
    operationId: 'createRequirement',
    response: dataOf(requirementSchema),
    errors: [409],
    tag: 'requirements',
    policy: 'requirement.create',
    body: createRequirementBody,
    status: 201,
    async handler({ body, actor, services }) {
      await createRequirement(services.db, actor, body);
      return presentOne(services.db, body.id);
    },
  }),
  endpoint({
    method: 'post',
    path: '/requirements/:id/traces',
    summary: "Trace a requirement to a clause of an artefact's current version",
    operationId: 'traceRequirement',
    response: dataOf(requirementSchema),
    errors: [409],
    tag: 'requirements',
    policy: 'requirement.trace',
    params: requirementParams,
    body: traceBody,
    status: 201,
    async handler({ params, body, actor, services }) {
      const artefact = await requireArtefact(services.db, body.artefactId);
      await traceRequirement(services.db, actor, {
        requirementId: params.id,
        artefact,
        clauseRef: body.clauseRef,
      });
      return presentOne(services.db, params.id);
    },
  }),
  endpoint({
    method: 'delete',
    path: '/requirements/:id/traces',
    summary: 'Remove a trace, named in the body or the query string',
    operationId: 'untraceRequirement',
    response: dataOf(requirementSchema),
    tag: 'requirements',
    policy: 'requirement.trace',
    params: requirementParams,
    query: untraceQuery,
    body: untraceBody,
    async handler({ params, query, body, actor, services }) {
      const trace = validate(traceBody, { ...query, ...body }, 'body');
      const artefact = await requireArtefact(services.db, trace.artefactId);
      await untraceRequirement(services.db, actor, {
        requirementId: params.id,
        artefact,
        clauseRef: trace.clauseRef,
      });
      return presentOne(services.db, params.id);
    },
  }),
  endpoint({
    method: 'post',
    path: '/artefacts/:id/no-requirements',
    summary:
      'State, with a reason, that no design requirements apply to an artefact (SC1 evidence)',
    operationId: 'markNoRequirements',
    response: dataOf(noRequirementsSchema),
    tag: 'requirements',
    policy: 'requirement.markNone',
    params: artefactParams,
    body: noRequirementsBody,
    async handler({ params, body, actor, services }) {
      const artefact = await requireArtefact(services.db, params.id);
      const statement = await markNoRequirements(services.db, actor, artefact, body.reason);
      return { data: presentNoRequirements(artefact.id, statement) };
    },
  }),
  endpoint({
    method: 'delete',
    path: '/artefacts/:id/no-requirements',
    summary: 'Withdraw the statement that no design requirements apply to an artefact',
    operationId: 'withdrawNoRequirements',
    response: dataOf(noRequirementsSchema),
    tag: 'requirements',
    policy: 'requirement.markNone',
    params: artefactParams,
    async handler({ params, actor, services }) {
      const artefact = await requireArtefact(services.db, params.id);
      await withdrawNoRequirements(services.db, actor, artefact);
      return { data: presentNoRequirements(artefact.id, null) };
    },
  }),
];
