import { z } from 'zod';
import { listAuditEvents } from '../../db/queries/audit.js';
import { endpoint } from '../../http/endpoint.js';
import { authorize } from '../../policies/index.js';
import { loadVisibleComment } from '../comments/index.js';

const auditQuery = z.object({
  entity: z.enum([
    'comment',
    'artefact',
    'consultation',
    'user',
    'organisation',
    'change',
    'requirement',
    'dueProcessResponse',
    'finding',
    'settings',
    'recommendation',
    'baseline',
  ]),
  entityId: z.string().min(1).max(200),
});

export const auditEndpoints = [
  endpoint({
    method: 'get',
    path: '/audit',
    summary: 'The append-only history of one entity',
    tag: 'audit',
    policy: 'audit.read',
    query: auditQuery,
    async handler({ query, actor, services }) {
      authorize(actor, 'audit.read', { entity: query.entity });
      let entityId = query.entityId;
      if (query.entity === 'comment')
        entityId = (await loadVisibleComment(services.db, actor, entityId)).id;
      const events = await listAuditEvents(services.db, query.entity, entityId);
      return {
        data: events.map((e) => ({
          id: Number(e.id),
          actor: e.actorId ? { id: e.actorId, name: e.actorName ?? '' } : null,
          action: e.action,
          entity: e.entity,
          entityId: e.entityId,
          before: e.before === null ? null : (JSON.parse(e.before) as unknown),
          after: e.after === null ? null : (JSON.parse(e.after) as unknown),
          at: e.at,
        })),
      };
    },
  }),
];
