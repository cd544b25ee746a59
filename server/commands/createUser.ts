import type { Kysely } from 'kysely';
import type { Db } from '../db/database.js';
import { writeAudit } from '../db/audit.js';
import { isUniqueViolation } from '../db/errors.js';
import { normaliseEmail, type UserRow } from '../db/queries/users.js';
import type { Database } from '../db/schema.js';
import type { Role } from '../domain/vocabulary.js';
import { badRequest, conflict } from '../errors.js';
import { newId, nowIso } from '../lib/ids.js';
import { hashPassword } from '../lib/passwords.js';

export interface CreateUserInput {
  email: string;
  name: string;
  role: Role;
  password: string;
  organisationId?: string | null;
  code?: string | null;
}

export type UserLinks = Pick<CreateUserInput, 'role' | 'organisationId' | 'code'>;

/**
 * Role-specific links: participants belong to a participant organisation, code-body users to one
 * code (and, if to an organisation, to that code's own).
 */
export async function checkUserLinks(trx: Kysely<Database>, input: UserLinks): Promise<void> {
  if (input.role === 'participant' && !input.organisationId) {
    throw badRequest('body.organisationId: a participant must belong to an organisation');
  }
  if (input.role === 'code_body' && !input.code) {
    throw badRequest('body.code: a code_body user must belong to a code (BSC, REC or DCUSA)');
  }
  if (input.role !== 'code_body' && input.code) {
    throw badRequest('body.code: only code_body users belong to a code');
  }
  if (input.code) {
    const code = await trx
      .selectFrom('codeBodies')
      .select('code')
      .where('code', '=', input.code)
      .executeTakeFirst();
    if (!code) throw badRequest(`body.code: unknown code "${input.code}"`);
  }
  if (input.organisationId) {
    const org = await trx
      .selectFrom('organisations')
      .select(['id', 'kind', 'code'])
      .where('id', '=', input.organisationId)
      .executeTakeFirst();
    if (!org)
      throw badRequest(`body.organisationId: unknown organisation "${input.organisationId}"`);
    if (input.role === 'participant' && org.kind !== 'participant') {
      throw badRequest(
        'body.organisationId: a participant must belong to a participant organisation',
      );
    }
    // A code-body user's comments carry their organisation: in a participant's, they would be
    // filed (and shown confidentially) as that participant's.
    if (input.role === 'code_body' && (org.kind !== 'code_body' || org.code !== input.code)) {
      throw badRequest(
        `body.organisationId: a code_body user of ${input.code ?? ''} may only belong to the ${input.code ?? ''} code body's organisation`,
      );
    }
  }
}

export async function createUser(
  db: Db,
  actorId: string | null,
  input: CreateUserInput,
): Promise<UserRow> {
  const passwordHash = await hashPassword(input.password);
  const email = normaliseEmail(input.email);
  try {
    return await db.kysely.transaction().execute(async (trx) => {
      await checkUserLinks(trx, input);
      const taken = await trx
        .selectFrom('users')
        .select('id')
        .where('email', '=', email)
        .executeTakeFirst();
      if (taken) throw conflict(`A user with email ${email} already exists`);
      const now = nowIso();
      const user: UserRow = {
        id: newId(),
        email,
        name: input.name.trim(),
        role: input.role,
        organisationId: input.organisationId ?? null,
        code: input.code ?? null,
        passwordHash,
        active: 1,
        tokenVersion: 0,
        createdAt: now,
        updatedAt: now,
      };
      await trx.insertInto('users').values(user).execute();
      const { passwordHash: _hidden, ...audited } = user;
      await writeAudit(trx, {
        actorId,
        action: 'user.create',
        entity: 'user',
        entityId: user.id,
        after: audited,
      });
      return user;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`A user with email ${email} already exists`);
    throw err;
  }
}
