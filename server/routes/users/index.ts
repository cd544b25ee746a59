import { changeUserRole } from '../../commands/changeUserRole.js';
import { createUser } from '../../commands/createUser.js';
import { deactivateUser, resetPassword } from '../../commands/updateUserAccess.js';
import { listUsers } from '../../db/queries/users.js';
import { endpoint } from '../../http/endpoint.js';
import { z } from 'zod';
import { dataOf } from '../../presenters/envelope.js';
import { presentUser, userSchema } from '../../presenters/user.js';
import { changeRoleBody, createUserBody, resetPasswordBody, userIdParams } from './schema.js';

export const userEndpoints = [
  endpoint({
    method: 'get',
    path: '/users',
    summary: 'List users',
    operationId: 'listUsers',
    response: dataOf(z.array(userSchema)),
    tag: 'users',
    policy: 'user.list',
    async handler({ services }) {
      return { data: (await listUsers(services.db)).map(presentUser) };
    },
  }),
  endpoint({
    method: 'post',
    path: '/users',
    summary: 'Create a user with one role',
    operationId: 'createUser',
    response: dataOf(userSchema),
    errors: [409],
    tag: 'users',
    policy: 'user.create',
    body: createUserBody,
    status: 201,
    async handler({ body, actor, services }) {
      return { data: presentUser(await createUser(services.db, actor.id, body)) };
    },
  }),
  endpoint({
    method: 'post',
    path: '/users/:id/deactivate',
    summary:
      'Deactivate a user; their tokens stop working at once. The last active admin cannot be deactivated (409)',
    operationId: 'deactivateUser',
    response: dataOf(userSchema),
    errors: [409],
    tag: 'users',
    policy: 'user.deactivate',
    params: userIdParams,
    async handler({ params, actor, services }) {
      return { data: presentUser(await deactivateUser(services.db, actor.id, params.id)) };
    },
  }),
  endpoint({
    method: 'post',
    path: '/users/:id/password',
    summary: "Reset a user's password; all their sessions end",
    operationId: 'resetPassword',
    response: dataOf(userSchema),
    tag: 'users',
    policy: 'user.resetPassword',
    params: userIdParams,
    body: resetPasswordBody,
    async handler({ params, body, actor, services }) {
      return {
        data: presentUser(await resetPassword(services.db, actor.id, params.id, body.password)),
      };
    },
  }),
  endpoint({
    method: 'post',
    path: '/users/:id/role',
    summary:
      "Change a user's role (with the organisation or code it needs); all their sessions end. The last active admin cannot be demoted (409)",
    operationId: 'changeUserRole',
    response: dataOf(userSchema),
    errors: [409],
    tag: 'users',
    policy: 'user.changeRole',
    params: userIdParams,
    body: changeRoleBody,
    async handler({ params, body, actor, services }) {
      return { data: presentUser(await changeUserRole(services.db, actor.id, params.id, body)) };
    },
  }),
];
