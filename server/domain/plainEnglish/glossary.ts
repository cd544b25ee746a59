// The defined terms a clause is checked against, matched tolerantly of case, plurals and hyphens.

/** Case-sensitive on the first letter, tolerant of case, hyphens and spacing after it. */
export function termKey(term: string): string {
  const t = term
    .replace(/[-–]/g, ' ')
    .replace(/[’]/g, "'")
    .replace(/["“”*]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return t.slice(0, 1) + t.slice(1).toLowerCase();
}

export class Glossary {
  private readonly keys = new Set<string>();
  /** Every proper word-prefix of a multi-word key, to stop looking for longer matches early. */
  private readonly prefixes = new Set<string>();

  constructor(terms: Iterable<string>) {
    for (const term of terms) {
      const key = termKey(term);
      if (key === '') continue;
      this.keys.add(key);
      let space = key.indexOf(' ');
      while (space > 0) {
        this.prefixes.add(key.slice(0, space));
        space = key.indexOf(' ', space + 1);
      }
    }
  }

  /** Exactly, or as the plural or singular of a defined term. */
  has(key: string): boolean {
    const k = this.keys;
    if (k.has(key) || k.has(`${key}s`) || k.has(`${key}es`)) return true;
    if (key.endsWith('s') && k.has(key.slice(0, -1))) return true;
    if (key.endsWith('es') && k.has(key.slice(0, -2))) return true;
    if (key.endsWith('ies') && k.has(`${key.slice(0, -3)}y`)) return true;
    return key.endsWith('y') && k.has(`${key.slice(0, -1)}ies`);
  }

  continues(key: string): boolean {
    return this.prefixes.has(key);
  }
}
