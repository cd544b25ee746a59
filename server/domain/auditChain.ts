import { createHash } from 'node:crypto';

/** The stored fields of an audit event that its hash covers. */
export interface ChainedEvent {
  id: number | string;
  prevHash: string;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: string | null;
  after: string | null;
  at: string;
}

/** The link before the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * SHA-256 over a JSON array of the stored text, so a field boundary cannot be shifted without
 * changing the hash. The version tag lets a later format coexist with this one. Ids are hashed
 * as decimal text because PostgreSQL's bigint arrives as a string and SQLite's as a number.
 */
export function auditEventHash(event: ChainedEvent): string {
  const canonical = JSON.stringify([
    'm6-audit-v1',
    String(event.id),
    event.prevHash,
    event.actorId,
    event.action,
    event.entity,
    event.entityId,
    event.before,
    event.after,
    event.at,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export interface ChainHead {
  lastId: number;
  count: number;
  hash: string;
}

/**
 * Walks a chain batch by batch: feed it the events in id order, then ask for the result against
 * the head row. The first event whose link or hash does not match is where the chain broke.
 */
export class ChainWalker {
  private hash = GENESIS_HASH;
  private count = 0;
  brokenAt: number | null = null;

  /** Returns false once the chain is broken (no need to read further). */
  feed(events: readonly (ChainedEvent & { hash: string })[]): boolean {
    for (const event of events) {
      if (this.brokenAt !== null) return false;
      if (event.prevHash !== this.hash || auditEventHash(event) !== event.hash) {
        this.brokenAt = Number(event.id);
        return false;
      }
      this.hash = event.hash;
      this.count += 1;
    }
    return this.brokenAt === null;
  }

  get events(): number {
    return this.count;
  }

  /**
   * The head records the last event, the count and the last hash; an intact chain that ends
   * early (its last events deleted) is broken at the first missing event, the head's last id.
   */
  finish(head: ChainHead): number | null {
    if (this.brokenAt !== null) return this.brokenAt;
    if (this.count !== head.count || this.hash !== head.hash) return head.lastId;
    return null;
  }
}
