// The papers are read in the UK: a timestamp is shown as "21 August 2024, 14:05" in London time
// (BST or GMT as the date falls), never as the stored ISO string. Pure: no I/O.

import { londonToUtc, londonWallClock } from './londonClock.js';

const FORMAT = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * An ISO timestamp as a UK date and time. Built from the parts, because ICU versions differ in
 * what they put between the date and the time (", " or " at ").
 */
export function ukDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'unknown date';
  const parts = FORMAT.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')} ${part('month')} ${part('year')}, ${part('hour')}:${part('minute')}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The London calendar day (YYYY-MM-DD) an instant falls on. */
export function londonDay(iso: string | Date): string {
  const c = londonWallClock(new Date(iso).getTime());
  return `${c.year}-${pad(c.month)}-${pad(c.day)}`;
}

/** The calendar day after a YYYY-MM-DD day (calendar arithmetic: no time zone involved). */
export function nextDay(day: string): string {
  return addDays(day, 1);
}

export function addDays(day: string, n: number): string {
  const t = Date.parse(`${day}T12:00:00Z`) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * A `datetime-local` value ("2024-08-21T14:05") read as London wall-clock time, as the dates are
 * shown, whatever the browser's own zone; returns the instant as ISO.
 */
export function londonInputToIso(local: string): string {
  const [year, month, day, hour, minute, second] = (local.match(/\d+/g) ?? []).map(Number);
  return new Date(
    londonToUtc({
      year: year ?? 0,
      month: month ?? 0,
      day: day ?? 0,
      hour: hour ?? 0,
      minute: minute ?? 0,
      second: second ?? 0,
    }),
  ).toISOString();
}

/** The instant a London day begins. */
export function londonMidnight(day: string): string {
  return londonInputToIso(`${day}T00:00`);
}
