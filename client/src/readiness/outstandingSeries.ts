import { listComments, type Comment } from '../comments/commentsApi';

/** The most comments fetched to draw the chart; beyond this it says it is capped. */
export const MAX_COMMENTS = 5000;

export interface DayCount {
  /** YYYY-MM-DD (UTC). */
  day: string;
  outstanding: number;
}

type Dated = Pick<Comment, 'createdAt' | 'decidedAt' | 'updatedAt' | 'status' | 'outstanding'>;

const DAY = 86_400_000;
const dayOf = (iso: string) => iso.slice(0, 10);

/**
 * When a comment stopped being outstanding, or null if it still is: its decision, or for a
 * withdrawn comment (which has none) its last update.
 */
function closedAt(c: Dated): string | null {
  if (c.outstanding) return null;
  if (c.status === 'withdrawn') return c.updatedAt;
  return c.decidedAt ?? c.updatedAt;
}

/**
 * Outstanding comments at the end of each day from the first comment to `today`: created by then
 * and not yet decided (or withdrawn) by then. There is no history endpoint, so it is derived here.
 */
export function outstandingByDay(comments: readonly Dated[], today: string): DayCount[] {
  if (comments.length === 0) return [];
  const first = comments.reduce((min, c) => (c.createdAt < min ? c.createdAt : min), today);
  const opened = new Map<string, number>();
  const closed = new Map<string, number>();
  for (const c of comments) {
    opened.set(dayOf(c.createdAt), (opened.get(dayOf(c.createdAt)) ?? 0) + 1);
    const end = closedAt(c);
    if (end) closed.set(dayOf(end), (closed.get(dayOf(end)) ?? 0) + 1);
  }
  const series: DayCount[] = [];
  let outstanding = 0;
  const last = Date.parse(`${dayOf(today)}T00:00:00Z`);
  for (let t = Date.parse(`${dayOf(first)}T00:00:00Z`); t <= last; t += DAY) {
    const day = new Date(t).toISOString().slice(0, 10);
    outstanding += (opened.get(day) ?? 0) - (closed.get(day) ?? 0);
    series.push({ day, outstanding });
  }
  return series;
}

export interface CommentHistory {
  comments: Comment[];
  /** True when there were more than MAX_COMMENTS and only the oldest were fetched. */
  capped: boolean;
}

/** Every comment the viewer can see, oldest first, following the cursor up to MAX_COMMENTS. */
export async function loadCommentHistory(signal?: AbortSignal): Promise<CommentHistory> {
  const comments: Comment[] = [];
  let cursor: string | undefined;
  do {
    const page = await listComments({}, { sort: 'oldest', limit: 200, cursor }, signal);
    comments.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && comments.length < MAX_COMMENTS);
  return { comments: comments.slice(0, MAX_COMMENTS), capped: cursor !== undefined };
}
