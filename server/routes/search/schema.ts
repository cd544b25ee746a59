import { z } from 'zod';
import { ARTEFACT_KINDS } from '../../domain/vocabulary.js';

export const searchQuery = z.object({
  /** Words (all must occur), "quoted phrases", and word* prefixes; case and plurals ignored. */
  q: z.string().trim().min(1, 'type something to search for').max(200),
  code: z.string().trim().toUpperCase().pipe(z.string().min(1).max(20)).optional(),
  kind: z.enum(ARTEFACT_KINDS).optional(),
  scope: z.enum(['clauses', 'comments']).default('clauses'),
  /** Clauses of current versions only, or of every published version. */
  version: z.enum(['current', 'all']).default('current'),
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
