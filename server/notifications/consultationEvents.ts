import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { ukDateTime } from '../domain/ukDateTime.js';
import { claimMark, notify } from './notify.js';
import { consultationAudience, yetToComment } from './recipients.js';

export type ConsultationPhase = 'opened' | 'closingSoon' | 'closed';

export interface ConsultationFacts {
  id: string;
  title: string;
  opensAt: string;
  closesAt: string;
}

/** Each phase's key carries the time it is about, so a moved window is announced afresh. */
export function consultationEventKey(phase: ConsultationPhase, c: ConsultationFacts): string {
  return `consultation.${phase}:${c.id}:${phase === 'opened' ? c.opensAt : c.closesAt}`;
}

const TITLES: Record<ConsultationPhase, (c: ConsultationFacts) => string> = {
  opened: (c) => `Consultation open: ${c.title}`,
  closingSoon: (c) => `Consultation closes ${ukDateTime(c.closesAt)}: ${c.title}`,
  closed: (c) => `Consultation closed: ${c.title}`,
};

const BODIES: Record<ConsultationPhase, (c: ConsultationFacts) => string> = {
  opened: (c) => `Comments are open until ${ukDateTime(c.closesAt)}.`,
  closingSoon: () => 'Nobody from your organisation has commented in it yet.',
  closed: () => 'No more comments are taken; the code bodies now triage them.',
};

/**
 * Announces a phase of a consultation once: the mark is claimed in this transaction, so of two
 * instances (or a command and a scheduler tick) only the first announces it. Returns whether
 * this call announced it.
 */
export async function announceConsultation(
  trx: Kysely<Database>,
  phase: ConsultationPhase,
  c: ConsultationFacts,
  actorId: string | null,
  now: string,
): Promise<boolean> {
  const eventKey = consultationEventKey(phase, c);
  if (!(await claimMark(trx, eventKey, now))) return false;
  await notify(trx, {
    category: 'consultations',
    kind: `consultation.${phase}`,
    entity: 'consultation',
    entityId: c.id,
    eventKey,
    title: TITLES[phase](c),
    body: BODIES[phase](c),
    link: '/consultations',
    recipients: phase === 'closingSoon' ? yetToComment(c) : consultationAudience(c.id),
    actorId,
    now,
  });
  return true;
}
