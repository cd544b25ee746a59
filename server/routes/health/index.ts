import { z } from 'zod';
import { sql } from 'kysely';
import { pendingMigrations } from '../../db/pendingMigrations.js';
import { AppError } from '../../errors.js';
import { endpoint } from '../../http/endpoint.js';
import type { Db } from '../../db/database.js';
import { isDraining } from './draining.js';

// An orchestrator's probe has its own timeout; this one only keeps an unanswered database from
// piling up probes. Generous, so that a pool busy under load does not take the instance out.
const READY_DB_TIMEOUT_MS = 5_000;

const notReady = (message: string, details: Record<string, unknown>) =>
  new AppError(503, 'not_ready', message, details);

async function databaseState(db: Db): Promise<{ pending: string[] } | { error: unknown }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${READY_DB_TIMEOUT_MS} ms`)),
      READY_DB_TIMEOUT_MS,
    );
  });
  try {
    return { pending: await Promise.race([pendingMigrations(db), timeout]) };
  } catch (error) {
    return { error };
  } finally {
    clearTimeout(timer);
  }
}

export const healthEndpoints = [
  endpoint({
    method: 'get',
    path: '/health',
    summary: 'Liveness and database check',
    operationId: 'getHealth',
    tag: 'system',
    policy: 'public',
    response: z.object({ status: z.literal('ok'), db: z.enum(['sqlite', 'postgres']) }),
    async handler({ services }) {
      await sql`select 1`.execute(services.db.kysely);
      return { status: 'ok', db: services.db.dialect };
    },
  }),
  endpoint({
    method: 'get',
    path: '/health/ready',
    summary:
      'Readiness for a load balancer or orchestrator: 503 while the database is unreachable or not migrated, and from the start of a shutdown',
    operationId: 'getReady',
    tag: 'system',
    policy: 'public',
    response: z.object({ status: z.literal('ready'), db: z.enum(['sqlite', 'postgres']) }),
    async handler({ services, req }) {
      if (isDraining(req.app)) {
        throw notReady('The server is shutting down', { reason: 'shutting_down' });
      }
      const state = await databaseState(services.db);
      if ('error' in state) {
        services.logger.warn({ err: state.error }, 'not ready: database unreachable');
        throw notReady('The database cannot be reached', { reason: 'database_unreachable' });
      }
      if (state.pending.length > 0) {
        services.logger.warn({ pending: state.pending }, 'not ready: migrations pending');
        throw notReady(
          `The database lacks ${state.pending.length} migration(s) of this version; restarting an instance applies them`,
          { reason: 'migrations_pending', pending: state.pending },
        );
      }
      return { status: 'ready', db: services.db.dialect };
    },
  }),
];
