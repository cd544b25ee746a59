import type { Db } from '../../db/database.js';
import { loadNextDraftInput } from '../../db/queries/nextDraft.js';
import { parseClauses } from '../../domain/parseClauses.js';
import { sendDocx } from '../../http/sendDocx.js';
import { DOCX_CONTENT_TYPE } from '../../lib/docxToMarkdown.js';
import { runTask } from '../../lib/offThread.js';
import { prepareNextDraft } from '../../domain/nextDraft.js';
import { conflict } from '../../errors.js';
import { endpoint } from '../../http/endpoint.js';
import { commentVisibility } from '../../policies/commentVisibility.js';
import { authorize, type Actor } from '../../policies/index.js';
import { artefactParams } from '../artefacts/schema.js';
import { requireArtefact } from '../requireArtefact.js';
import type { z } from 'zod';
import { nextDraftQuery, nextDraftResponse } from './schema.js';

/** The current version, its proposals, and the draft the caller's choices make of them. */
async function preparedDraft(
  db: Db,
  actor: Actor,
  idOrSlug: string,
  query: { skip?: string[]; choose?: string[] },
) {
  const artefact = await requireArtefact(db, idOrSlug);
  authorize(actor, 'version.prepareDraft', artefact);
  const { currentVersionId } = artefact;
  const input = currentVersionId
    ? await loadNextDraftInput(db, commentVisibility(actor), {
        id: artefact.id,
        currentVersionId,
      })
    : undefined;
  if (!input) throw conflict(`${artefact.reference} has no published version to draft from`);
  const draft = prepareNextDraft(input.body, input.clauses, input.proposals, {
    skip: new Set(query.skip ?? []),
    choose: new Set(query.choose ?? []),
  });
  return { artefact, input, draft };
}

export const nextDraftEndpoints = [
  endpoint({
    method: 'get',
    path: '/artefacts/:id/next-draft',
    summary:
      "The current version's text with every accepted comment's proposed text applied, for the code body to edit and publish",
    operationId: 'getNextDraft',
    response: nextDraftResponse,
    errors: [409],
    tag: 'versions',
    policy: 'version.prepareDraft',
    params: artefactParams,
    query: nextDraftQuery,
    async handler({ params, query, actor, services }) {
      const { input, draft } = await preparedDraft(services.db, actor, params.id, query);
      const answer: z.infer<typeof nextDraftResponse> = {
        data: { ...draft, version: input.version, proposals: input.proposals },
      };
      return answer;
    },
  }),
  endpoint({
    method: 'get',
    path: '/artefacts/:id/next-draft.docx',
    summary:
      'The prepared next draft as a Word document: each applied proposal a tracked change attributed to its comment',
    operationId: 'getNextDraftDocx',
    response: {
      raw: [DOCX_CONTENT_TYPE],
      description: 'The next draft as a Word document with tracked changes',
    },
    errors: [409],
    tag: 'versions',
    policy: 'version.prepareDraft',
    params: artefactParams,
    query: nextDraftQuery,
    async handler({ params, query, actor, services, res }) {
      const { artefact, input, draft } = await preparedDraft(services.db, actor, params.id, query);
      const me = await services.db.kysely
        .selectFrom('users')
        .select('name')
        .where('id', '=', actor.id)
        .executeTakeFirst();
      const proposalOf = new Map(draft.applied.map((a) => [a.clauseRef, a.commentRef]));
      // Each clause's lines are the change of the comment whose proposal rewrote it.
      const authorsFrom = parseClauses(draft.body).clauses.map((c) => ({
        line: c.line,
        author: proposalOf.get(c.ref) ?? me?.name ?? 'Code body',
      }));
      const file = await runTask(
        'redlineDocx',
        [
          input.body,
          draft.body,
          {
            title: `${artefact.reference}: next draft from ${input.version.label}`,
            author: me?.name ?? 'Code body',
            date: new Date().toISOString(),
            authorsFrom,
          },
        ],
        input.body.length + draft.body.length,
      );
      sendDocx(res, `${artefact.reference}-next-draft-from-${input.version.label}`, file as Buffer);
      return undefined;
    },
  }),
];
