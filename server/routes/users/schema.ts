import { z } from 'zod';
import { ROLES } from '../../domain/vocabulary.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../lib/passwords.js';

// The policy's bounds (lib/passwords.ts), as the schema that OpenAPI shows.
export const password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `password must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `password must be at most ${PASSWORD_MAX_LENGTH} characters`);

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

export const changeRoleBody = z.object({
  role: z.enum(ROLES),
  organisationId: z.string().min(1).nullish(),
  code: z.string().min(1).max(20).nullish(),
});
