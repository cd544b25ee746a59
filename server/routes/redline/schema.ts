import { z } from 'zod';

export const redlineQuery = z.object({
  from: z.string().min(1).max(200).optional(),
  to: z.string().min(1).max(200).optional(),
});
