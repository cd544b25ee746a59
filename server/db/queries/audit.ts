import type { Db } from '../database.js';

export async function listAuditEvents(db: Db, entity: string, entityId: string) {
  return db.kysely
    .selectFrom('auditEvents as e')
    .leftJoin('users as u', 'u.id', 'e.actorId')
    .select([
      'e.id',
      'e.actorId',
      'u.name as actorName',
      'e.action',
      'e.entity',
      'e.entityId',
      'e.before',
      'e.after',
      'e.at',
    ])
    .where('e.entity', '=', entity)
    .where('e.entityId', '=', entityId)
    .orderBy('e.id')
    .execute();
}
