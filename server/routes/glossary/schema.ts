import { z } from 'zod';

export const glossaryQuery = z.object({
  /** Part of a term, any case. */
  q: z.string().trim().max(200).optional(),
  /** Only the terms defined differently in two places. */
  conflicting: z.enum(['true', 'false']).optional(),
});
