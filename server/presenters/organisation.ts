import { z } from 'zod';
import type { OrganisationRow } from '../db/queries/organisations.js';
import { MARKET_ROLES, ORGANISATION_KINDS } from '../domain/vocabulary.js';

export const organisationSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
  marketRole: z
    .string()
    .nullable()
    .describe(`A participant's market role: ${MARKET_ROLES.join(', ')}`),
  code: z.string().nullable().describe('The code a code body administers (BSC, REC, DCUSA)'),
});

export function presentOrganisation(org: OrganisationRow): z.infer<typeof organisationSchema> {
  return {
    id: org.id,
    name: org.name,
    kind: org.kind,
    marketRole: org.marketRole,
    code: org.code,
  };
}
