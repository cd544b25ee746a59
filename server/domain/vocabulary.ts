export const ROLES = ['participant', 'code_body', 'programme', 'sro', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ARTEFACT_KINDS = [
  'section',
  'annex',
  'bscp',
  'bscp-appendix',
  'cop',
  'schedule',
  'service-specification',
  'metering-code-of-practice',
  'data-specification',
  'transition-text',
] as const;
export type ArtefactKind = (typeof ARTEFACT_KINDS)[number];

export const ORGANISATION_KINDS = ['participant', 'code_body', 'programme'] as const;

export const MARKET_ROLES = [
  'supplier',
  'distributor',
  'supplier-agent',
  'generator',
  'central-system',
  'other',
] as const;

export const BRAG_VALUES = ['blue', 'red', 'amber', 'green'] as const;
export type Brag = (typeof BRAG_VALUES)[number];

/** MHHS Change Requests (CR053) and Design Issue Notes (DIN-123, DIN-0179). */
export const CHANGE_TYPES = ['CR', 'DIN'] as const;

export const CHANGE_STATUSES = [
  'raised',
  'impact-assessment',
  'approved',
  'rejected',
  'implemented',
  'withdrawn',
] as const;

export const CHANGE_ID_PATTERN = /^(CR\d{3,4}|DIN-\d{1,5})$/;
