export interface AuditEventRow {
  id: number | string | bigint;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: string | null;
  after: string | null;
  at: string;
}

/** What stands in for a snapshot of a comment while it was confidential. */
export const REDACTED_SNAPSHOT = { redacted: 'confidential' } as const;

const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json));

function confidentialIn(snapshot: unknown): boolean | undefined {
  if (typeof snapshot !== 'object' || snapshot === null || !('confidential' in snapshot))
    return undefined;
  return Boolean(snapshot.confidential);
}

/**
 * One entity's history in order. `showConfidential` says whether the reader may see this comment
 * while confidential; when not, each snapshot taken while it was confidential (its state follows
 * the `confidential` field through the events, and counts as confidential until an event says
 * otherwise) is replaced by a marker, keeping the action, actor and time.
 */
export function presentAuditEvents(rows: AuditEventRow[], showConfidential: boolean) {
  let confidential = true;
  return rows.map((e) => {
    let before = parse(e.before);
    let after = parse(e.after);
    const wasConfidential = confidentialIn(before) ?? confidential;
    confidential = confidentialIn(after) ?? wasConfidential;
    if (!showConfidential) {
      if (before !== null && wasConfidential) before = REDACTED_SNAPSHOT;
      if (after !== null && confidential) after = REDACTED_SNAPSHOT;
    }
    return {
      id: Number(e.id),
      actor: e.actorId ? { id: e.actorId, name: e.actorName ?? '' } : null,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      before,
      after,
      at: e.at,
    };
  });
}
