import { z } from 'zod';

export const crossReferencesQuery = z.object({
  /** out: what this artefact's current version cites; in: what cites this artefact. */
  direction: z.enum(['in', 'out']).default('out'),
});
