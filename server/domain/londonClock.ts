// Times as people in Great Britain read and type them: the wall clock in Europe/London (GMT or BST
// as the date falls). Spreadsheets carry no zone, so a comment log's dates are London wall-clock
// times, and reading one back must undo exactly what writing it did. Pure: no I/O.

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

/** The London wall clock at an instant (milliseconds since the epoch). */
export function londonWallClock(time: number): WallClock {
  const parts = PARTS.formatToParts(new Date(time));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
  };
}

const asUtc = (c: WallClock) => Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second);

const HOUR = 3_600_000;

/**
 * The instant a London wall-clock time names. London is UTC or an hour ahead, so the instant is
 * one of two; in the autumn hour that happens twice the first (BST) one is meant, and a spring
 * time that never happened is read with GMT, so an hour on in BST, as clocks do.
 */
export function londonToUtc(clock: WallClock): number {
  const guess = asUtc({ ...clock, second: Math.trunc(clock.second) });
  const shows = (time: number) => asUtc(londonWallClock(time)) === guess;
  if (shows(guess - HOUR)) return guess - HOUR;
  return guess;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "21/08/2024 14:05": the form the comment log writes and reads. */
export function logDateTime(iso: string): string {
  const time = new Date(iso).getTime();
  if (Number.isNaN(time)) return '';
  const c = londonWallClock(time);
  return `${pad(c.day)}/${pad(c.month)}/${c.year} ${pad(c.hour)}:${pad(c.minute)}`;
}
