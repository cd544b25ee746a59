import { z } from 'zod';
import { WORK_OFF_STATUSES, WORK_OFF_TARGETS } from '../../domain/workOff.js';

const code = z.string().trim().toUpperCase().pipe(z.string().min(1).max(20));

export const listWorkOffQuery = z.object({
  code: code.optional().describe('The owning code body, e.g. BSC'),
  status: z.enum(WORK_OFF_STATUSES).optional(),
  target: z.enum(WORK_OFF_TARGETS).optional(),
});

export const workOffParams = z.object({ id: z.string().trim().min(1).max(200) });

export const updateWorkOffBody = z
  .object({
    owner: code.nullable().describe('The owning code body, or null for nobody yet'),
    target: z.enum(WORK_OFF_TARGETS).nullable().describe('M7, M8 or Later; null for not set'),
    status: z.enum(WORK_OFF_STATUSES),
    notes: z.string().trim().max(5000),
    revision: z.number().int().min(1).describe('The revision you read'),
  })
  .partial({ owner: true, target: true, status: true, notes: true })
  .strict()
  .refine((b) => Object.keys(b).length > 1, 'name at least one field to change');
