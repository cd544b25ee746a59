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

// A closing date typed into a form is UK time, as dates are shown.
export { londonInputToIso } from '../../server/domain/ukDateTime';
