// Import: reading a date cell ("Raised on", "Decided at"), whichever of the usual ways it was written.

import { londonToUtc } from '../londonClock.js';

const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;
const EARLIEST = Date.UTC(2000, 0, 1);
const DAY = 86_400_000;

function utc(y: number, m: number, d: number, hh = 0, mm = 0, ss = 0, ms = 0): number | null {
  if (m < 1 || m > 12 || d < 1 || hh > 23 || mm > 59 || ss > 59) return null;
  const time = Date.UTC(y, m - 1, d, hh, mm, ss, ms);
  return new Date(time).getUTCDate() === d ? time : null; // not 31/02
}

/**
 * A date cell as an ISO timestamp: a UK day/month/year date with an optional time, read as London
 * wall-clock time (as exports write it, and as a workbook's date cells are read), or ISO 8601 (no
 * zone means UTC). Null when it is not a date, or not a plausible one (before 2000 or the future).
 */
export function parseLogDate(text: string, now: Date): string | null {
  const read = readLogDate(text, now);
  return read.ok ? read.value : null;
}

/** As parseLogDate, saying what is wrong with a cell that is not a plausible date. */
export function readLogDate(
  text: string,
  now: Date,
): { ok: true; value: string } | { ok: false; message: string } {
  const value = text.trim();
  const num = (s: string | undefined) => (s ? Number(s) : 0);
  let time: number | null = null;
  const uk = UK_DATE.exec(value);
  const iso = ISO_DATE.exec(value);
  if (uk) {
    const [, d, m, y, hh, mm, ss] = uk;
    const checked = utc(num(y), num(m), num(d), num(hh), num(mm), num(ss));
    time =
      checked === null
        ? null
        : londonToUtc({
            year: num(y),
            month: num(m),
            day: num(d),
            hour: num(hh),
            minute: num(mm),
            second: num(ss),
          });
  } else if (iso) {
    const [, y, m, d, hh, mm, ss, fraction, zone] = iso;
    time = utc(
      num(y),
      num(m),
      num(d),
      num(hh),
      num(mm),
      num(ss),
      Math.floor(Number(fraction ?? 0) * 1000),
    );
    if (time !== null && zone && zone.toUpperCase() !== 'Z') {
      const [, sign, zh, zm] = /^([+-])(\d{2}):?(\d{2})$/.exec(zone) ?? [];
      const offset = (num(zh) * 60 + num(zm)) * 60_000;
      time -= sign === '-' ? -offset : offset;
    }
  }
  if (time === null) {
    return {
      ok: false,
      message: `"${value}" is not a date; write it as 2025-01-15 or 15/01/2025, a time may follow`,
    };
  }
  if (time < EARLIEST) return { ok: false, message: `"${value}" is before 2000` };
  // A day's grace: a decision recorded late in the day in a zone ahead of UTC.
  if (time > now.getTime() + DAY) return { ok: false, message: `"${value}" is in the future` };
  return { ok: true, value: new Date(time).toISOString() };
}

/**
 * A worksheet stores a date cell as a clock reading with no zone: the log's "21/08/2024 14:05" is
 * written as a Date whose UTC fields read 21/08/2024 14:05 (exceljs writes a Date's UTC fields), and
 * a date cell read back is written out the same way, so that it is then read as London time.
 */
export function cellDateFromLogText(text: string): Date | null {
  const uk = UK_DATE.exec(text.trim());
  if (!uk) return null;
  const [, d, m, y, hh, mm, ss] = uk;
  const time = utc(
    Number(y),
    Number(m),
    Number(d),
    Number(hh ?? 0),
    Number(mm ?? 0),
    Number(ss ?? 0),
  );
  return time === null ? null : new Date(time);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A worksheet date cell (see cellDateFromLogText) as the log's text. */
export function logTextFromCellDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  return `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
}
