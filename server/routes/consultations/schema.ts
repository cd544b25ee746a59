import { z } from 'zod';

// Consultation dates in a range a real consultation can have: a typo such as year 0000 or 2205
// would otherwise open or close a window nobody can see.
const EARLIEST = '2000-01-01T00:00:00.000Z';
const AFTER_LATEST = '2101-01-01T00:00:00.000Z';

const timestamp = z.iso
  .datetime({ offset: true })
  .transform((value) => new Date(value).toISOString())
  .refine(
    (value) => value >= EARLIEST && value < AFTER_LATEST,
    'must be between 2000-01-01 and 2100-12-31',
  );

export const createConsultationBody = z
  .object({
    title: z.string().trim().min(1).max(300),
    opensAt: timestamp,
    closesAt: timestamp,
    artefacts: z.array(z.string().min(1).max(200)).min(1, 'name at least one artefact').max(500),
  })
  .refine((b) => b.closesAt > b.opensAt, { path: ['closesAt'], message: 'must be after opensAt' });

export const listConsultationsQuery = z.object({
  state: z.enum(['open', 'upcoming', 'closed']).optional(),
  artefactId: z.string().min(1).max(200).optional(),
});

export const consultationParams = z.object({ id: z.string().min(1).max(200) });

const reason = z.string().trim().min(1, 'give a reason').max(2000);
const revision = z.number().int().min(1);

export const closeConsultationBody = z.object({ reason, revision: revision.optional() }).strict();

export const changeClosingBody = z.object({ closesAt: timestamp, reason, revision }).strict();
