import type { Actor } from './index.js';

/**
 * Which comments an actor may see, as data the query layer turns into SQL. One rule for lists,
 * detail, replies, counts and exports: confidential comments are visible to their author, to
 * their own organisation, to the code body whose artefact they are on, and to the programme, SRO
 * and admins. A code-body user commenting on another code's artefact is an author like any other.
 *
 * Counts come from tallies kept per organisation, which know no author: there an author sees
 * their own confidential comments through their organisation.
 */
export type CommentVisibility =
  | { kind: 'all' }
  | { kind: 'public-or-organisation'; organisationId: string | null; authorId: string }
  | {
      kind: 'public-or-code';
      code: string | null;
      organisationId: string | null;
      authorId: string;
    };

export function commentVisibility(actor: Actor): CommentVisibility {
  switch (actor.role) {
    case 'participant':
      return {
        kind: 'public-or-organisation',
        organisationId: actor.organisationId,
        authorId: actor.id,
      };
    case 'code_body':
      return {
        kind: 'public-or-code',
        code: actor.code,
        organisationId: actor.organisationId,
        authorId: actor.id,
      };
    default:
      return { kind: 'all' };
  }
}

export function canSeeComment(
  visibility: CommentVisibility,
  comment: {
    confidential: boolean;
    organisationId: string | null;
    artefactCode: string;
    /** Absent where only the organisation is known (tallies). */
    authorId?: string | null;
  },
): boolean {
  if (!comment.confidential || visibility.kind === 'all') return true;
  if (comment.authorId && comment.authorId === visibility.authorId) return true;
  if (visibility.organisationId !== null && comment.organisationId === visibility.organisationId)
    return true;
  return visibility.kind === 'public-or-code' && visibility.code !== null
    ? comment.artefactCode === visibility.code
    : false;
}
