import { sql, type RawBuilder } from 'kysely';

// Conditions over `users u` naming who hears of an event; notify.ts fans out over them.

export const programmeAndSro = (): RawBuilder<unknown> => sql`u.role in ('programme', 'sro')`;

export const codeBodyOf = (code: string): RawBuilder<unknown> =>
  sql`u.role = 'code_body' and u.code = ${code}`;

export const followersOf = (entity: 'artefact' | 'comment', id: string): RawBuilder<unknown> =>
  sql`exists (select 1 from follows f where f.user_id = u.id and f.entity = ${entity}
    and f.entity_id = ${id} and f.following = 1)`;

export interface CommentAudience {
  confidential: number | boolean;
  authorId: string | null;
  organisationId: string | null;
  artefactCode: string;
}

/**
 * Who may read the comment, as policies/commentVisibility.ts decides it for one actor: everyone
 * for a public comment; for a confidential one its author, their organisation, the code body of
 * its artefact, and the programme, SRO and admins.
 */
export function mayReadComment(comment: CommentAudience): RawBuilder<unknown> {
  if (!comment.confidential) return sql`true`;
  const author = comment.authorId === null ? sql`false` : sql`u.id = ${comment.authorId}`;
  const organisation =
    comment.organisationId === null
      ? sql`false`
      : sql`u.organisation_id = ${comment.organisationId}`;
  return sql`(u.role in ('programme', 'sro', 'admin') or ${author} or ${organisation}
    or (u.role = 'code_body' and u.code = ${comment.artefactCode}))`;
}

/** A comment's followers (its author, colleagues who follow it), never beyond who may read it. */
export const commentFollowers = (comment: CommentAudience & { id: string }): RawBuilder<unknown> =>
  sql`${followersOf('comment', comment.id)} and ${mayReadComment(comment)}`;

/** Participants, and code-body users of the codes of the consultation's artefacts. */
export const consultationAudience = (consultationId: string): RawBuilder<unknown> =>
  sql`(u.role = 'participant' or (u.role = 'code_body' and u.code in (
    select a.code from consultation_artefacts ca join artefacts a on a.id = ca.artefact_id
    where ca.consultation_id = ${consultationId})))`;

/**
 * Of the audience, those who have not yet had their say: nobody of their organisation (or, with
 * none, they themselves) has a comment, not withdrawn, made during this window on one of its
 * artefacts. Comments from an earlier round on the same artefacts do not count.
 */
export function yetToComment(consultation: {
  id: string;
  opensAt: string;
  closesAt: string;
}): RawBuilder<unknown> {
  const commented = (column: 'author_id' | 'organisation_id') => sql`select c.${sql.raw(column)}
    from comments c join consultation_artefacts ca on ca.artefact_id = c.artefact_id
    where ca.consultation_id = ${consultation.id} and c.created_at >= ${consultation.opensAt}
      and c.created_at < ${consultation.closesAt} and c.status <> 'withdrawn'
      and c.${sql.raw(column)} is not null`;
  return sql`${consultationAudience(consultation.id)}
    and u.id not in (${commented('author_id')})
    and (u.organisation_id is null or u.organisation_id not in (${commented('organisation_id')}))`;
}
