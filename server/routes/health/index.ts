import { sql } from 'kysely';
import { endpoint } from '../../http/endpoint.js';

export const healthEndpoints = [
  endpoint({
    method: 'get',
    path: '/health',
    summary: 'Liveness and database check',
    tag: 'system',
    policy: 'public',
    async handler({ services }) {
      await sql`select 1`.execute(services.db.kysely);
      return { status: 'ok', db: services.db.dialect };
    },
  }),
];
