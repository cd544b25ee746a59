import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { nowIso } from '../lib/ids.js';
import { notify } from './notify.js';
import { programmeAndSro } from './recipients.js';

export async function paperGenerated(
  trx: Kysely<Database>,
  actorId: string,
  paper: { id: string; verdict: 'ready' | 'not-ready'; createdAt: string },
): Promise<void> {
  await notify(trx, {
    category: 'programme',
    kind: 'paper.generated',
    entity: 'recommendation',
    entityId: paper.id,
    eventKey: `paper.generated:${paper.id}`,
    title: `CDWG recommendation paper generated: ${paper.verdict === 'ready' ? 'ready' : 'not ready'}`,
    body: '',
    link: `/recommendations/${paper.id}`,
    recipients: programmeAndSro(),
    actorId,
    now: paper.createdAt,
  });
}

const OUTCOME_WORDS: Record<string, string> = {
  recommended: 'CCAG recommended the M6 baseline',
  'not-recommended': 'CCAG did not recommend the M6 baseline',
  approved: 'The SRO approved the M6 baseline',
  rejected: 'The SRO rejected the M6 baseline',
};

export async function decisionRecorded(
  trx: Kysely<Database>,
  actorId: string,
  decision: {
    id: string;
    recommendationId: string;
    body: 'CCAG' | 'SRO';
    outcome: string;
    notes: string;
    decidedAt: string;
  },
): Promise<void> {
  await notify(trx, {
    category: 'programme',
    kind: decision.body === 'CCAG' ? 'decision.ccag' : 'decision.sro',
    entity: 'recommendation',
    entityId: decision.recommendationId,
    eventKey: `decision:${decision.id}`,
    title: OUTCOME_WORDS[decision.outcome] ?? `${decision.body} decided: ${decision.outcome}`,
    body: decision.notes.slice(0, 300),
    link: `/recommendations/${decision.recommendationId}`,
    recipients: programmeAndSro(),
    actorId,
    now: decision.decidedAt,
  });
}

/**
 * Work-off items now owned by a code: that code body's users hear of each. Nothing of a deferred
 * comment but its artefact is named, since the owner may be another code, which cannot read a
 * confidential comment.
 */
export async function workOffAssigned(
  trx: Kysely<Database>,
  actorId: string | null,
  itemIds: readonly string[],
  now = nowIso(),
): Promise<void> {
  if (!itemIds.length) return;
  await notify(trx, {
    category: 'work_off',
    kind: 'workOff.assigned',
    entity: 'workOffItem',
    entityId: sql`w.id`,
    eventKey: sql`'workOff.assigned:' || w.id || ':' || w.owner_code`,
    title: sql`'Post-M6 work-off item assigned to ' || w.owner_code`,
    body: sql`case when w.change_id is not null then 'From change ' || w.change_id
      else 'From a deferred comment on ' || coalesce(a.reference, 'an artefact') end`,
    link: '/work-off',
    from: sql`work_off_items w
      join users u on u.role = 'code_body' and u.code = w.owner_code
      left join comments c on c.id = w.comment_id
      left join artefacts a on a.id = c.artefact_id`,
    recipients: sql`w.id in (${sql.join(itemIds.map((id) => sql`${id}`))})`,
    actorId,
    now,
  });
}
