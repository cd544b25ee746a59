import { listCrossReferences } from '../../db/queries/crossReferences.js';
import { endpoint } from '../../http/endpoint.js';
import { z } from 'zod';
import {
  citationCountsSchema,
  countsByCode,
  crossReferenceSchema,
  presentCrossReference,
} from '../../presenters/crossReference.js';
import { artefactParams } from '../artefacts/schema.js';
import { requireArtefact } from '../requireArtefact.js';
import { crossReferencesQuery } from './schema.js';

// Citations are read from clause text, which every signed-in user may read; no comment is in them.
export const crossReferenceEndpoints = [
  endpoint({
    method: 'get',
    path: '/artefacts/:id/references',
    summary:
      "Cross-references out of the artefact's current version, or into it (in: with counts per citing code, citations within the artefact counted apart)",
    operationId: 'listCrossReferences',
    response: z
      .object({ data: z.array(crossReferenceSchema) })
      .extend(citationCountsSchema.partial().shape)
      .describe('With direction=in, also counts of the citations by citing code'),
    tag: 'versions',
    policy: 'version.read',
    params: artefactParams,
    query: crossReferencesQuery,
    async handler({ params, query, services }) {
      const artefact = await requireArtefact(services.db, params.id);
      const rows = await listCrossReferences(services.db, artefact.id, query.direction);
      return {
        data: rows.map(presentCrossReference),
        ...(query.direction === 'in' ? countsByCode(rows) : {}),
      };
    },
  }),
];
