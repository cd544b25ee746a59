// Which clause refs exist in a version, including the ancestors and inline items they imply, so
// that a cross-reference can be resolved.

/** Every clause ref and every ancestor it implies ('3.2.4(a)' implies '3.2.4', '3.2', '3'). */
export function clauseRefIndex(refs: ReadonlySet<string>): Set<string> {
  const index = new Set<string>();
  for (const raw of refs) {
    const ref = raw.replace(/\s+\[\d+\]$/, '');
    index.add(ref);
    const scoped = /^((?:Annex|Appendix|Attachment) \S+)(?: (.+))?$/.exec(ref);
    const scope = scoped ? (scoped[1] ?? '') : '';
    const local = scoped ? (scoped[2] ?? '') : ref;
    if (scope) index.add(scope);
    const numbered = /^(\d+(?:\.\d+)*)((?:\([a-z0-9]+\))*)$/.exec(local);
    if (!numbered) continue;
    const parts = (numbered[1] ?? '').split('.');
    for (let i = 1; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join('.');
      index.add(prefix);
      if (scope) index.add(`${scope} ${prefix}`);
    }
    let item = numbered[1] ?? '';
    for (const token of (numbered[2] ?? '').match(/\([a-z0-9]+\)/g) ?? []) {
      item += token;
      index.add(item);
      if (scope) index.add(`${scope} ${item}`);
    }
  }
  return index;
}

export function clauseExists(
  ref: string,
  refIndex: Set<string>,
  itemText: Map<string, string>,
): boolean {
  if (refIndex.has(ref)) return true;
  // Items written inline ("3.2.4 ... (a) ...; (b) ...") are not clauses of their own.
  const item = /^([\d.]+)((?:\([a-z0-9]+\))+)$/.exec(ref);
  if (!item) return false;
  const text = itemText.get(item[1] ?? '');
  const first = /^\([a-z0-9]+\)/.exec(item[2] ?? '')?.[0];
  return text !== undefined && first !== undefined && text.includes(first);
}
