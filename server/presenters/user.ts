import { z } from 'zod';
import type { UserRow } from '../db/queries/users.js';
import { ROLES } from '../domain/vocabulary.js';

/** A user as the API shows one: never the password hash. */
export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  organisationId: z.string().nullable(),
  /** The code a code body's user triages for (BSC, REC, DCUSA). */
  code: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
});

export function presentUser(user: UserRow): z.infer<typeof userSchema> {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    organisationId: user.organisationId,
    code: user.code,
    active: user.active === 1,
    createdAt: user.createdAt,
  };
}

/** A user as named beside what they did (authored, decided): null once the account is gone. */
export const userRefSchema = z.object({ id: z.string(), name: z.string() });
