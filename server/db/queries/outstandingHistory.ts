import { sql, type RawBuilder } from 'kysely';
import { OutstandingTally, type OutstandingHistory } from '../../domain/outstandingHistory.js';
import { OUTSTANDING_STATUSES } from '../../domain/commentLifecycle.js';
import { addDays, londonDay, londonMidnight } from '../../domain/ukDateTime.js';
import type { Db } from '../database.js';

/** The longest history drawn: a year of days, however long the audit log. */
export const MAX_DAYS = 365;
const PAGE = 2000;

// Events that move a comment in or out of "outstanding" carry its status before and after
// (creation and import only after); edits and replies carry none and so count 0.
const NO_STATUS = ['comment.edit', 'comment.reply'];
const CREATING = ['comment.create', 'comment.import'];

function delta(db: Db): RawBuilder<number> {
  const status = (column: 'before' | 'after') =>
    db.dialect === 'postgres'
      ? sql`(${sql.ref(`e.${column}`)}::json ->> 'status')`
      : sql`json_extract(${sql.ref(`e.${column}`)}, '$.status')`;
  const outstanding = (column: 'before' | 'after') =>
    sql`(case when ${status(column)} in (${sql.join(OUTSTANDING_STATUSES)}) then 1 else 0 end)`;
  return sql<number>`(case when e.action in (${sql.join(CREATING)}) then ${outstanding('after')}
    else ${outstanding('after')} - ${outstanding('before')} end)`;
}

const commentEvents = (db: Db) =>
  db.kysely
    .selectFrom('auditEvents as e')
    .where('e.entity', '=', 'comment')
    .where('e.action', 'not in', NO_STATUS);

/**
 * Outstanding comments at the end of each London day, and the most at any moment of it, from the
 * first comment (or MAX_DAYS ago) to today, from the audit log. Every comment counts, confidential
 * ones included, as readiness counts them: only numbers leave here. The history before the window
 * is summed in SQL; the window's events are read a page at a time.
 */
export async function outstandingHistory(
  db: Db,
  now = new Date(),
  pageSize = PAGE,
): Promise<OutstandingHistory> {
  const today = londonDay(now);
  const first = await commentEvents(db)
    .where('e.action', 'in', CREATING)
    .select((eb) => eb.fn.min('e.at').as('at'))
    .executeTakeFirst();
  if (!first?.at) return { from: null, to: today, capped: false, days: [] };
  const firstDay = londonDay(first.at);
  const earliest = addDays(today, 1 - MAX_DAYS);
  const from = firstDay < earliest ? earliest : firstDay;
  const since = londonMidnight(from);

  let startCount = 0;
  if (from > firstDay) {
    const before = await commentEvents(db)
      .where('e.at', '<', since)
      .select(sql<number | string | null>`sum(${delta(db)})`.as('n'))
      .executeTakeFirst();
    startCount = Number(before?.n ?? 0);
  }

  const tally = new OutstandingTally(from, startCount);
  let after: number | string | null = null;
  for (;;) {
    let page = commentEvents(db)
      .where('e.at', '>=', since)
      .select(['e.id', 'e.at', delta(db).as('delta')])
      .orderBy('e.id')
      .limit(pageSize);
    if (after !== null) page = page.where('e.id', '>', after as number);
    const rows = await page.execute();
    for (const row of rows) tally.add({ at: row.at, delta: Number(row.delta) });
    if (rows.length < pageSize) break;
    after = rows[rows.length - 1]!.id;
  }
  return { from, to: today, capped: from > firstDay, days: tally.series(today) };
}
