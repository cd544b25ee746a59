import type { Role } from './api';

export const CODES = ['BSC', 'REC', 'DCUSA'] as const;

export const KIND_LABELS: Record<string, string> = {
  section: 'Section',
  annex: 'Annex',
  bscp: 'BSC Procedure (BSCP)',
  'bscp-appendix': 'BSCP appendix',
  cop: 'Code of Practice',
  schedule: 'Schedule',
  'service-specification': 'Service specification',
  'metering-code-of-practice': 'Metering Code of Practice',
  'data-specification': 'Data specification',
  'transition-text': 'Transition text',
};

const ROLE_LABELS: Record<Role, string> = {
  participant: 'Participant',
  code_body: 'Code body',
  programme: 'Programme',
  sro: 'SRO',
  admin: 'Administrator',
};

/** Turns identifiers such as `in-review` or `not_started` into "In review" / "Not started". */
export function humanise(value: string): string {
  const words = value.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const kindLabel = (kind: string): string => KIND_LABELS[kind] ?? humanise(kind);

export function roleLabel(role: Role, code: string | null): string {
  const label = ROLE_LABELS[role] ?? humanise(role);
  return code ? `${label} (${code})` : label;
}

// Dates are read in the UK: London time whatever the browser's zone, as the papers show them.
const dateFormat = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeZone: 'Europe/London',
});
export const formatDate = (iso: string): string => dateFormat.format(new Date(iso));

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/London',
});
export const formatDateTime = (iso: string): string => dateTimeFormat.format(new Date(iso));

export const plural = (count: number, noun: string): string =>
  `${count} ${noun}${count === 1 ? '' : 's'}`;

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
  const parts = Object.fromEntries(
    LONDON_PARTS.formatToParts(new Date(t)).map((p) => [p.type, Number(p.value)]),
  );
  const wall = Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour,
    parts.minute,
    parts.second,
  );
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
