import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { sql } from 'kysely';
import { pino } from 'pino';
import { createApp } from '../../server/app.js';
import { createHttpServer } from '../../server/http/httpServer.js';
import { openDatabase, type Db } from '../../server/db/database.js';
import { apiClient, type ApiInit, type ApiResponse, type TestServer } from './server.js';

export interface SecondInstance {
  db: Db;
  api(path: string, init?: ApiInit): Promise<ApiResponse>;
  close(): Promise<void>;
}

/** Another handle (connection or pool) on the database `db` uses, as another instance opens it. */
export async function openSameDatabase(db: Db): Promise<Db> {
  if (db.dialect === 'postgres') {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(
      db.kysely,
    );
    return openDatabase({
      databaseUrl: process.env.TEST_DATABASE_URL,
      pgSchema: rows[0]?.schema,
      poolSize: 5,
    });
  }
  const { rows } = await sql<{
    name: string;
    file: string;
  }>`select name, file from pragma_database_list`.execute(db.kysely);
  return openDatabase({ sqliteFile: rows.find((r) => r.name === 'main')?.file });
}

/**
 * Another app instance over the test server's database, with its own connection (pool) and the
 * same JWT secret: two instances behind a load balancer, in one test process.
 */
export async function startSecondInstance(server: TestServer): Promise<SecondInstance> {
  const db = await openSameDatabase(server.db);
  const app = createApp({
    db,
    jwtSecret: server.jwtSecret,
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    checkResponses: true,
  });
  const http: Server = await new Promise((resolve) => {
    const s = createHttpServer(app).listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return {
    db,
    api: apiClient(url),
    async close() {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await db.close();
    },
  };
}
