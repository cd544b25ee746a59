import type { OrganisationRow } from '../db/queries/organisations.js';

export function presentOrganisation(org: OrganisationRow) {
  return {
    id: org.id,
    name: org.name,
    kind: org.kind,
    marketRole: org.marketRole,
    code: org.code,
  };
}
