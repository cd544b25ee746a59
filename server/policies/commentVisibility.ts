import type { Actor } from './index.js';

/**
 * Which comments an actor may see, as data the query layer turns into SQL. One rule for lists,
 * detail, replies, counts and exports: confidential comments are visible to their own
 * organisation, to the code body whose artefact they are on, and to the programme, SRO and admins.
 */
export type CommentVisibility =
  | { kind: 'all' }
  | { kind: 'public-or-organisation'; organisationId: string | null }
  | { kind: 'public-or-code'; code: string | null };

export function commentVisibility(actor: Actor): CommentVisibility {
  switch (actor.role) {
    case 'participant':
      return { kind: 'public-or-organisation', organisationId: actor.organisationId };
    case 'code_body':
      return { kind: 'public-or-code', code: actor.code };
    default:
      return { kind: 'all' };
  }
}

export function canSeeComment(
  visibility: CommentVisibility,
  comment: { confidential: boolean; organisationId: string | null; artefactCode: string },
): boolean {
  if (!comment.confidential || visibility.kind === 'all') return true;
  if (visibility.kind === 'public-or-organisation') {
    return (
      visibility.organisationId !== null && comment.organisationId === visibility.organisationId
    );
  }
  return visibility.code !== null && comment.artefactCode === visibility.code;
}
