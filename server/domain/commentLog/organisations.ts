// Import: the organisation a log's Organisation cell names.

import type { Resolved } from './resolved.js';
import { key, squash } from './text.js';

export interface ImportOrganisation {
  id: string;
  name: string;
}

/** Finds an organisation by exact name, else by the one name that matches ignoring case. */
export function organisationResolver(
  organisations: readonly ImportOrganisation[],
): (name: string) => Resolved<ImportOrganisation> {
  const exact = new Map(organisations.map((o) => [o.name, o]));
  const loose = new Map<string, ImportOrganisation[]>();
  for (const o of organisations) loose.set(key(o.name), [...(loose.get(key(o.name)) ?? []), o]);
  return (name) => {
    const found = exact.get(name) ?? exact.get(squash(name));
    if (found) return { ok: true, value: found };
    const [only, ...others] = loose.get(key(name)) ?? [];
    if (only && others.length === 0) return { ok: true, value: only };
    return { ok: false, message: `no organisation named "${squash(name)}"` };
  };
}
