import { z } from 'zod';

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

const snapshot = z
  .unknown()
  .describe(
    'The entity as it was (before) or became (after), as JSON; null when there was none; `{ "redacted": "confidential" }` in place of a confidential comment you may not read',
  );

export const auditEventSchema = z.object({
  id: z.number().int(),
  actor: z
    .object({ id: z.string(), name: z.string() })
    .nullable()
    .describe('Who did it; null for the system'),
  action: z.string().describe('e.g. comment.create, comment.triage'),
  entity: z.string(),
  entityId: z.string(),
  before: snapshot,
  after: snapshot,
  at: z.string(),
});

/**
 * One entity's history in order. `showConfidential` says whether the reader may see this comment
 * while confidential; when not, each snapshot taken while it was confidential (its state follows
 * the `confidential` field through the events, and counts as confidential until an event says
 * otherwise) is replaced by a marker, keeping the action, actor and time.
 */
export function presentAuditEvents(
  rows: AuditEventRow[],
  showConfidential: boolean,
): z.infer<typeof auditEventSchema>[] {
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

export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  events: z.number().int().describe('Events found intact, in order, before the first broken one'),
  firstBrokenAt: z
    .number()
    .int()
    .nullable()
    .describe('Id of the first event whose link or hash does not match (or is missing)'),
});
