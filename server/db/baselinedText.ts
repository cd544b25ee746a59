import type { Kysely } from 'kysely';
import { baselinedTextProblem } from '../domain/baselinedText.js';
import { conflict } from '../errors.js';
import type { Database } from './schema.js';

/** A 409 when this version is in the M6 baseline (domain/baselinedText.ts says why). */
export async function refuseBaselinedText(
  k: Kysely<Database>,
  reference: string,
  version: { label: string; isBaseline: number },
): Promise<void> {
  if (!version.isBaseline) return;
  const baseline = await k.selectFrom('baselines').select('createdAt').executeTakeFirst();
  throw conflict(baselinedTextProblem(reference, version.label, baseline?.createdAt ?? ''));
}
