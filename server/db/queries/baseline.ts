import type { Db } from '../database.js';

export interface M6Baseline {
  id: string;
  /** When the SRO approved it. */
  createdAt: string;
  /** The paper the SRO approved. */
  recommendationId: string;
}

/** The M6 baseline, once the SRO has approved one (there is at most one). */
export async function m6Baseline(db: Db): Promise<M6Baseline | null> {
  const row = await db.kysely
    .selectFrom('baselines')
    .select(['id', 'createdAt', 'recommendationId'])
    .executeTakeFirst();
  return row ?? null;
}
