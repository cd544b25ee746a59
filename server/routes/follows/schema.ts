import { z } from 'zod';
import { FOLLOW_ENTITIES } from '../../domain/notificationCategories.js';

const entityId = z.string().trim().min(1).max(200);

export const followParams = z.object({ entity: z.enum(FOLLOW_ENTITIES), entityId });

export const followQuery = z
  .object({
    entity: z.enum(FOLLOW_ENTITIES).optional(),
    entityId: entityId.optional().describe('An artefact id or slug, or a comment id or ref'),
  })
  .refine(
    (q) => (q.entity === undefined) === (q.entityId === undefined),
    'name both entity and entityId, or neither for everything you follow',
  );
