import type { Db } from '../../db/database.js';
import {
  cachedSuccessors,
  loadVersionClauses,
  type VersionClauses,
} from '../../db/versionCache.js';

interface Placeable {
  clauseRef: string;
  version: { id: string };
}

/**
 * Where each comment stands on another version of its artefact: the same clause, its renumbered
 * or moved successor (flagged when the text changed since the comment), or nowhere when the
 * clause was removed.
 */
export async function placeComments<C extends Placeable>(
  db: Db,
  comments: C[],
  target: VersionClauses,
) {
  return Promise.all(
    comments.map(async (comment) => {
      if (comment.version.id === target.id) {
        return {
          ...comment,
          anchor: { versionId: target.id, clauseRef: comment.clauseRef, textChanged: false },
        };
      }
      const source = await loadVersionClauses(db, comment.version.id);
      const successor = source
        ? (await cachedSuccessors(source, target)).get(comment.clauseRef)
        : undefined;
      return {
        ...comment,
        anchor: {
          versionId: target.id,
          clauseRef: successor?.ref ?? null,
          textChanged: successor?.textChanged ?? true,
        },
      };
    }),
  );
}
