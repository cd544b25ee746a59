// What a plain-English finding is, and the collector that keeps one finding per clause, kind and
// excerpt however many times the words occur.

export const FINDING_KINDS = [
  'undefined-term',
  'broken-reference',
  'vague-wording',
  'long-sentence',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const FINDING_STATUSES = ['open', 'waived', 'raised'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export interface Finding {
  clauseRef: string;
  kind: FindingKind;
  /** The words found, as written (a long sentence's first words); identifies the finding. */
  excerpt: string;
  message: string;
}

export class FindingSink {
  readonly findings: Finding[] = [];
  private readonly seen = new Set<string>();

  add(clauseRef: string, kind: FindingKind, excerpt: string, message: string, key = excerpt) {
    const id = `${clauseRef}\u0000${kind}\u0000${key.toLowerCase()}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.findings.push({ clauseRef, kind, excerpt, message });
  }
}
