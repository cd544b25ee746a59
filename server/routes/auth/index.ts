import { signIn } from '../../commands/signIn.js';
import { findActiveUserById } from '../../db/queries/users.js';
import { unauthorized } from '../../errors.js';
import { endpoint } from '../../http/endpoint.js';
import { TOKEN_TTL_SECONDS } from '../../lib/tokens.js';
import { presentUser } from '../../presenters/user.js';
import { loginBody } from './schema.js';

export const authEndpoints = [
  endpoint({
    method: 'post',
    path: '/auth/login',
    summary: 'Sign in with email and password; returns a JWT valid for 8 hours',
    tag: 'auth',
    policy: 'public',
    body: loginBody,
    async handler({ body, services }) {
      const { token, user } = await signIn(services.db, services.jwtSecret, body);
      return { token, expiresIn: TOKEN_TTL_SECONDS, user: presentUser(user) };
    },
  }),
  endpoint({
    method: 'get',
    path: '/me',
    summary: 'The signed-in user',
    tag: 'auth',
    policy: 'me.read',
    async handler({ actor, services }) {
      const user = await findActiveUserById(services.db, actor.id);
      if (!user) throw unauthorized();
      return { user: presentUser(user) };
    },
  }),
];
