import { z } from 'zod';

const timestamp = z.iso
  .datetime({ offset: true })
  .transform((value) => new Date(value).toISOString());

export const createConsultationBody = z.object({
  title: z.string().trim().min(1).max(300),
  opensAt: timestamp,
  closesAt: timestamp,
  artefacts: z.array(z.string().min(1).max(200)).min(1, 'name at least one artefact').max(500),
});

export const listConsultationsQuery = z.object({
  state: z.enum(['open', 'upcoming', 'closed']).optional(),
  artefactId: z.string().min(1).max(200).optional(),
});
