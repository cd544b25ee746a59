/**
 * The post-M6 work-off items a paper lists: what will become an item when the SRO approves (the
 * deferred comments and live post-M6 changes of that moment). A paper is read by everybody, so a
 * confidential comment is listed only as "a confidential comment" on its document, never named.
 */
export type PaperWorkOffItem =
  | {
      kind: 'comment';
      confidential: false;
      /** The comment's id, so a paper can stop naming a comment made confidential since. */
      id: string;
      reference: string;
      document: string;
      subject: string;
      owner: string | null;
    }
  | { kind: 'comment'; confidential: true; document: string; owner: string | null }
  | { kind: 'change'; reference: string; subject: string; owner: string | null };

export const WORK_OFF_PAPER_HEADER = ['Source', 'Document', 'Subject', 'Owner'];

/** Long comments are cut short: the paper points to them, the register holds them whole. */
const SUBJECT_LIMIT = 200;
export const paperSubject = (text: string): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > SUBJECT_LIMIT ? `${flat.slice(0, SUBJECT_LIMIT - 1)}…` : flat;
};

/** One item as the cells of the paper's table, in plain text (each format escapes its own). */
export function paperWorkOffRow(item: PaperWorkOffItem): string[] {
  const owner = item.owner ?? 'Not yet assigned';
  if (item.kind === 'change') return [`Change ${item.reference}`, '–', item.subject, owner];
  if (item.confidential) return ['A confidential comment', item.document, '(not named)', owner];
  return [`Comment ${item.reference}`, item.document, item.subject, owner];
}

/** Comments made confidential since the paper was made are no longer named either. */
export function withoutConfidentialWorkOff(
  items: PaperWorkOffItem[],
  confidential: ReadonlySet<string>,
): PaperWorkOffItem[] {
  return items.map((item) =>
    item.kind === 'comment' && !item.confidential && confidential.has(item.id)
      ? { kind: 'comment', confidential: true, document: item.document, owner: item.owner }
      : item,
  );
}

export const paperWorkOffCommentIds = (items: PaperWorkOffItem[] | undefined): string[] =>
  (items ?? []).flatMap((i) => (i.kind === 'comment' && !i.confidential ? [i.id] : []));
