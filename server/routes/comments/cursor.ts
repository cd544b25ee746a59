import { z } from 'zod';
import type { CommentCursor } from '../../db/queries/comments.js';
import { jsonCursor } from '../../http/cursor.js';

const cursor = jsonCursor<CommentCursor>(
  z.object({
    createdAt: z.string(),
    id: z.string(),
    severityRank: z.number().int().optional(),
  }),
);

export const encodeCursor = cursor.encode;
export const decodeCursor = cursor.decode;
