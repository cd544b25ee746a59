// The papers are read in the UK: a timestamp is shown as "21 August 2024, 14:05" in London time
// (BST or GMT as the date falls), never as the stored ISO string. Pure: no I/O.

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

const DAY_FORMAT = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The London calendar day (YYYY-MM-DD) an instant falls on. */
export function londonDay(iso: string | Date): string {
  const parts = DAY_FORMAT.formatToParts(typeof iso === 'string' ? new Date(iso) : iso);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The calendar day after a YYYY-MM-DD day (calendar arithmetic: no time zone involved). */
export function nextDay(day: string): string {
  return addDays(day, 1);
}

export function addDays(day: string, n: number): string {
  const t = Date.parse(`${day}T12:00:00Z`) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

const LONDON_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

/** How far London's clock is ahead of UTC at an instant, in milliseconds. */
function londonOffset(t: number): number {
  const parts = LONDON_PARTS.formatToParts(new Date(t));
  const n = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return wall - (t - (t % 1000));
}

/**
 * A `datetime-local` value ("2024-08-21T14:05") read as London wall-clock time, as the dates are
 * shown, whatever the browser's own zone; returns the instant as ISO.
 */
export function londonInputToIso(local: string): string {
  const asUtc = Date.parse(`${local.length === 16 ? `${local}:00` : local}Z`);
  const guess = asUtc - londonOffset(asUtc);
  return new Date(asUtc - londonOffset(guess)).toISOString();
}

/**
 * The instant a London day begins. The clocks change at 01:00 UTC, so at 00:00 UTC on any day
 * London is already on that day's midnight offset (GMT or BST).
 */
export function londonMidnight(day: string): string {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  return new Date(utcMidnight - londonOffset(utcMidnight)).toISOString();
}
