import type { Insertable, Kysely, Selectable } from 'kysely';
import {
  parsePlainEnglishConfig,
  type FindingStatus,
  type PlainEnglishConfig,
} from '../../domain/plainEnglish/index.js';
import type { Database, PlainEnglishFindingTable } from '../schema.js';

export const PLAIN_ENGLISH_CONFIG_KEY = 'plain_english_config';

export type FindingRow = Selectable<PlainEnglishFindingTable>;

/** A finding as a check raises it: open, with nothing decided on it yet. */
export function openFindingRow(
  finding: Pick<
    FindingRow,
    'id' | 'versionId' | 'artefactId' | 'clauseRef' | 'kind' | 'excerpt' | 'message'
  >,
): Insertable<PlainEnglishFindingTable> {
  return {
    ...finding,
    status: 'open',
    reason: null,
    commentId: null,
    decidedBy: null,
    decidedAt: null,
    carriedFrom: null,
    carriedFromFindingId: null,
  };
}

export interface FindingListRow extends FindingRow {
  artefactCode: string;
  commentRef: string | null;
  decidedByName: string | null;
}

/** The extra defined and vague terms configured for the plain-English checks. */
export async function readPlainEnglishConfig(k: Kysely<Database>): Promise<PlainEnglishConfig> {
  const row = await k
    .selectFrom('meta')
    .select('value')
    .where('key', '=', PLAIN_ENGLISH_CONFIG_KEY)
    .executeTakeFirst();
  return parsePlainEnglishConfig(row?.value);
}

function findingsWithNames(k: Kysely<Database>) {
  return k
    .selectFrom('plainEnglishFindings as f')
    .innerJoin('artefacts as a', 'a.id', 'f.artefactId')
    .leftJoin('comments as c', 'c.id', 'f.commentId')
    .leftJoin('users as u', 'u.id', 'f.decidedBy')
    .selectAll('f')
    .select(['a.code as artefactCode', 'c.ref as commentRef', 'u.name as decidedByName']);
}

export async function listFindings(
  k: Kysely<Database>,
  versionId: string,
  status?: FindingStatus,
): Promise<FindingListRow[]> {
  let query = findingsWithNames(k).where('f.versionId', '=', versionId);
  if (status) query = query.where('f.status', '=', status);
  return query.orderBy('f.clauseRef').orderBy('f.kind').orderBy('f.id').execute();
}

export async function findFinding(
  k: Kysely<Database>,
  id: string,
): Promise<FindingListRow | undefined> {
  return findingsWithNames(k).where('f.id', '=', id).executeTakeFirst();
}
