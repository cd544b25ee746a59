import { z } from 'zod';
import { listAuditEvents } from '../../db/queries/audit.js';
import { verifyAuditChain } from '../../db/verifyAuditChain.js';
import { endpoint } from '../../http/endpoint.js';
import { canSeeComment, commentVisibility } from '../../policies/commentVisibility.js';
import { authorize } from '../../policies/index.js';
import {
  auditEventSchema,
  auditVerificationSchema,
  presentAuditEvents,
} from '../../presenters/audit.js';
import { dataOf } from '../../presenters/envelope.js';
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
    'workOffItem',
    'signIn',
  ]),
  entityId: z.string().min(1).max(200),
});

export const auditEndpoints = [
  endpoint({
    method: 'get',
    path: '/audit/verify',
    summary: 'Check the audit log hash chain: { data: { ok, events, firstBrokenAt } }',
    operationId: 'verifyAuditChain',
    response: dataOf(auditVerificationSchema),
    tag: 'audit',
    policy: 'audit.verify',
    handler: async ({ services }) => ({ data: await verifyAuditChain(services.db) }),
  }),
  endpoint({
    method: 'get',
    path: '/audit',
    summary: 'The append-only history of one entity',
    operationId: 'listAuditEvents',
    response: dataOf(z.array(auditEventSchema)),
    errors: [404],
    tag: 'audit',
    policy: 'audit.read',
    query: auditQuery,
    async handler({ query, actor, services }) {
      authorize(actor, 'audit.read', { entity: query.entity });
      let entityId = query.entityId;
      let showConfidential = true;
      if (query.entity === 'comment') {
        const comment = await loadVisibleComment(services.db, actor, entityId);
        entityId = comment.id;
        // Whoever may see this comment while confidential may see its confidential past.
        const visibility = commentVisibility(actor);
        showConfidential = canSeeComment(visibility, { ...comment, confidential: true });
      }
      const events = await listAuditEvents(services.db, query.entity, entityId);
      return { data: presentAuditEvents(events, showConfidential) };
    },
  }),
];
