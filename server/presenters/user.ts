import type { UserRow } from '../db/queries/users.js';

/** Never includes the password hash. */
export function presentUser(user: UserRow) {
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
