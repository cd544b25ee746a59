import { loadNextDraftInput } from '../../db/queries/nextDraft.js';
import { prepareNextDraft } from '../../domain/nextDraft.js';
import { conflict } from '../../errors.js';
import { endpoint } from '../../http/endpoint.js';
import { commentVisibility } from '../../policies/commentVisibility.js';
import { authorize } from '../../policies/index.js';
import { artefactParams } from '../artefacts/schema.js';
import { requireArtefact } from '../requireArtefact.js';
import { nextDraftQuery } from './schema.js';

export const nextDraftEndpoints = [
  endpoint({
    method: 'get',
    path: '/artefacts/:id/next-draft',
    summary:
      "The current version's text with every accepted comment's proposed text applied, for the code body to edit and publish",
    tag: 'versions',
    policy: 'version.prepareDraft',
    params: artefactParams,
    query: nextDraftQuery,
    async handler({ params, query, actor, services }) {
      const artefact = await requireArtefact(services.db, params.id);
      authorize(actor, 'version.prepareDraft', artefact);
      const { currentVersionId } = artefact;
      if (!currentVersionId)
        throw conflict(`${artefact.reference} has no published version to draft from`);
      const input = await loadNextDraftInput(services.db, commentVisibility(actor), {
        id: artefact.id,
        currentVersionId,
      });
      if (!input) throw conflict(`${artefact.reference} has no published version to draft from`);
      const draft = prepareNextDraft(input.body, input.clauses, input.proposals, {
        skip: new Set(query.skip ?? []),
        choose: new Set(query.choose ?? []),
      });
      const proposals = new Map(input.proposals.map((p) => [p.commentRef, p]));
      return {
        data: {
          ...draft,
          version: input.version,
          proposals: [...proposals.values()],
        },
      };
    },
  }),
];
