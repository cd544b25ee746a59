import { z } from 'zod';
import { signIn } from '../../commands/signIn.js';
import { signOut } from '../../commands/signOut.js';
import { findActiveUserById } from '../../db/queries/users.js';
import { unauthorized } from '../../errors.js';
import { endpoint } from '../../http/endpoint.js';
import { TOKEN_TTL_SECONDS } from '../../lib/tokens.js';
import { presentUser, userSchema } from '../../presenters/user.js';
import { loginBody } from './schema.js';

export const authEndpoints = [
  endpoint({
    method: 'post',
    path: '/auth/login',
    summary:
      'Sign in with email and password; returns a JWT valid for 8 hours. After 10 failures in 15 minutes for one email (or 50 from one address) every attempt answers 429 with Retry-After for a while',
    operationId: 'signIn',
    tag: 'auth',
    policy: 'public',
    body: loginBody,
    errors: [429],
    response: z.object({
      token: z.string().describe('Send as `Authorization: Bearer <token>`'),
      expiresIn: z.number().int().describe('Seconds until the token expires'),
      user: userSchema,
    }),
    async handler({ body, services, req }) {
      // req.ip is the socket's peer unless TRUST_PROXY names the proxies allowed to say otherwise.
      const address = req.ip ?? 'unknown';
      const { token, user } = await signIn(services.db, services.jwtSecret, body, address);
      return { token, expiresIn: TOKEN_TTL_SECONDS, user: presentUser(user) };
    },
  }),
  endpoint({
    method: 'post',
    path: '/auth/logout',
    summary:
      "Sign out: ends all of the signed-in user's sessions (every token, on every device), not only this one",
    operationId: 'signOut',
    tag: 'auth',
    policy: 'me.signOut',
    status: 204,
    response: 'empty',
    async handler({ actor, services }) {
      await signOut(services.db, actor.id);
      return undefined;
    },
  }),
  endpoint({
    method: 'get',
    path: '/me',
    summary: 'The signed-in user',
    operationId: 'getMe',
    tag: 'auth',
    policy: 'me.read',
    response: z.object({ user: userSchema }),
    async handler({ actor, services }) {
      const user = await findActiveUserById(services.db, actor.id);
      if (!user) throw unauthorized();
      return { user: presentUser(user) };
    },
  }),
];
