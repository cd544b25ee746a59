import { z } from 'zod';
import type { CommentCursor } from '../../db/queries/comments.js';
import { badRequest } from '../../errors.js';

const cursorShape = z.object({
  createdAt: z.string(),
  id: z.string(),
  severityRank: z.number().int().optional(),
});

export function encodeCursor(cursor: CommentCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(raw: string): CommentCursor {
  try {
    return cursorShape.parse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
  } catch {
    throw badRequest('query.cursor: not a cursor this API returned');
  }
}
