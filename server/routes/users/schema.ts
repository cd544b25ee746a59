import { z } from 'zod';
import { ROLES } from '../../domain/vocabulary.js';

export const password = z
  .string()
  .min(12, 'password must be at least 12 characters')
  .max(1024, 'password must be at most 1024 characters');

export const createUserBody = z.object({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200),
  role: z.enum(ROLES),
  password,
  organisationId: z.string().min(1).nullish(),
  code: z.string().min(1).max(20).nullish(),
});

export const userIdParams = z.object({ id: z.string().min(1).max(100) });

export const resetPasswordBody = z.object({ password });
