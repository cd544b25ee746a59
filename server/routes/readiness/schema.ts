import { z } from 'zod';
import { BRAG_VALUES } from '../../domain/vocabulary.js';

export const bragOverrideBody = z.object({
  /** null clears the override and returns to the computed rating. */
  brag: z.enum(BRAG_VALUES).nullable(),
  reason: z.string().trim().min(1, 'a reason is required').max(2000),
});
