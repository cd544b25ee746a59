import type { Request } from 'express';
import { findActiveUserById } from '../db/queries/users.js';
import { unauthorized } from '../errors.js';
import { verifyToken } from '../lib/tokens.js';
import type { Actor } from '../policies/index.js';
import type { Services } from './endpoint.js';

const INVALID = 'Your session is invalid or has expired; sign in again';

export async function authenticate(req: Request, services: Services): Promise<Actor> {
  const header = req.get('authorization');
  if (!header) throw unauthorized('Sign in first: send Authorization: Bearer <token>');
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw unauthorized('The Authorization header must be "Bearer <token>"');
  const session = verifyToken(match[1], services.jwtSecret);
  if (!session) throw unauthorized(INVALID);
  // The user is read on every request anyway, so checking the token version costs nothing and a
  // sign-out, reset or deactivation on any instance ends the session at once on every other.
  const user = await findActiveUserById(services.db, session.userId);
  if (!user || user.tokenVersion !== session.tokenVersion) throw unauthorized(INVALID);
  return { id: user.id, role: user.role, code: user.code, organisationId: user.organisationId };
}
