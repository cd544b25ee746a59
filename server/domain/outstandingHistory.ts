// Outstanding comments day by day (Europe/London days), folded from the audit log's comment events
// one at a time so that a long history never has to be held in memory. Pure: no I/O.

import { londonDay, nextDay } from './ukDateTime.js';

/** One comment event: +1 when a comment becomes outstanding, -1 when it stops, 0 otherwise. */
export interface OutstandingEvent {
  at: string;
  delta: number;
}

export interface OutstandingDay {
  /** YYYY-MM-DD, a London calendar day. */
  day: string;
  /** Outstanding at the end of the day (now, for today). */
  outstanding: number;
  /** The most outstanding at any moment of the day, the day's start included. */
  peak: number;
  /** Comments that became outstanding that day (raised or imported undecided). */
  raised: number;
  /** Comments that stopped being outstanding that day (decided or withdrawn). */
  closed: number;
}

export interface OutstandingHistory {
  /** First and last London day of the series; null when no comment has been made. */
  from: string | null;
  to: string;
  /** True when comments were made before `from`: the window is capped at a year of days. */
  capped: boolean;
  days: OutstandingDay[];
}

/**
 * Folds events, in the order they happened, into one row per day from `firstDay` to the day the
 * series is read, gaps filled. `startCount` is what was outstanding when `firstDay` began (the
 * history before a capped window).
 */
export class OutstandingTally {
  private readonly days = new Map<string, OutstandingDay>();
  private current: number;
  private lastDay: string | null = null;

  constructor(
    private readonly firstDay: string,
    startCount: number,
  ) {
    this.current = startCount;
  }

  add(event: OutstandingEvent): void {
    if (event.delta === 0) return;
    // Events come in log order; one stamped earlier than the day reached (a clock step back)
    // counts on the day reached, so the days already folded stay as they were.
    const row = this.fillTo(londonDay(event.at));
    this.current += event.delta;
    row.outstanding = this.current;
    row.peak = Math.max(row.peak, this.current);
    if (event.delta > 0) row.raised += event.delta;
    else row.closed -= event.delta;
  }

  /** The rows up to and including `today` (a London day). */
  series(today: string): OutstandingDay[] {
    this.fillTo(today);
    return [...this.days.values()].filter((d) => d.day <= today);
  }

  /** Opens every day up to `day` at the running count, and returns the newest. */
  private fillTo(day: string): OutstandingDay {
    while (this.lastDay === null || this.lastDay < day) {
      const next = this.lastDay === null ? this.firstDay : nextDay(this.lastDay);
      const count = this.current;
      this.days.set(next, { day: next, outstanding: count, peak: count, raised: 0, closed: 0 });
      this.lastDay = next;
    }
    return this.days.get(this.lastDay)!;
  }
}

/** The highest outstanding count in a series, and the first day it was reached. */
export function peakOf(series: readonly OutstandingDay[]): { day: string; peak: number } | null {
  let best: { day: string; peak: number } | null = null;
  for (const d of series) if (!best || d.peak > best.peak) best = { day: d.day, peak: d.peak };
  return best;
}
