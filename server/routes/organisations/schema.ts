import { z } from 'zod';
import { MARKET_ROLES, ORGANISATION_KINDS } from '../../domain/vocabulary.js';

export const createOrganisationBody = z.object({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(ORGANISATION_KINDS),
  marketRole: z.enum(MARKET_ROLES).nullish(),
  code: z.string().min(1).max(20).nullish(),
});
