import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { createApp } from '../../server/app.js';
import { createHttpServer } from '../../server/http/httpServer.js';
import { createOrganisation } from '../../server/commands/createOrganisation.js';
import { createUser } from '../../server/commands/createUser.js';
import { seedRegistry } from '../../server/commands/seedRegistry.js';
import type { Db, DialectName } from '../../server/db/database.js';
import type { Role } from '../../server/domain/vocabulary.js';
import { createTestDb } from './db.js';

export interface ApiResponse {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests inspect arbitrary JSON
  body: any;
}

export interface ApiInit {
  method?: string;
  token?: string;
  body?: unknown;
  /** Sent as-is instead of JSON-encoding `body`. */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: Role;
  code: string | null;
  organisationId: string | null;
}

export interface TestServer {
  url: string;
  db: Db;
  jwtSecret: string;
  close(): Promise<void>;
  createUser(input: {
    role: Role;
    code?: string;
    email?: string;
    password?: string;
    name?: string;
    organisationId?: string;
  }): Promise<TestUser>;
  /** A user of the role, signed in; participants get a fresh organisation of their own. */
  signedIn(
    role: Role,
    extra?: { code?: string; organisationId?: string; name?: string },
  ): Promise<TestUser & { token: string }>;
  api(path: string, init?: ApiInit): Promise<ApiResponse>;
  login(email: string, password: string): Promise<string>;
}

export interface TestServerOptions {
  dialect?: DialectName;
  seedRegistry?: boolean;
  serveClient?: boolean;
  /** Express `trust proxy`, so a test can sign in "from" several addresses via X-Forwarded-For. */
  trustProxy?: boolean | number | string;
  /** As if SMTP_URL were set: the notification settings say email is on. */
  emailEnabled?: boolean;
}

/** The real Express app on a random port over a fresh database; each suite starts its own. */
export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const { db, cleanup } = await createTestDb(opts.dialect ?? 'sqlite');
  if (opts.seedRegistry ?? true) await seedRegistry(db);
  const jwtSecret = randomBytes(32).toString('hex');
  const app = createApp({
    db,
    jwtSecret,
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    checkResponses: true,
    clientDir: opts.serveClient ? path.resolve('dist/client') : undefined,
    trustProxy: opts.trustProxy,
    emailEnabled: opts.emailEnabled,
  });
  const server: Server = await new Promise((resolve) => {
    const s = createHttpServer(app).listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let counter = 0;

  const api = apiClient(url);

  const login: TestServer['login'] = async (email, password) => {
    const res = await api('/api/auth/login', { body: { email, password } });
    if (res.status !== 200)
      throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.token as string;
  };

  const makeUser: TestServer['createUser'] = async (input) => {
    counter += 1;
    const password = input.password ?? `pw-${randomBytes(8).toString('hex')}`;
    const email =
      input.email ??
      `${input.role.replace('_', '-')}-${counter}-${randomBytes(3).toString('hex')}@test.example`;
    let organisationId = input.organisationId ?? null;
    if (input.role === 'participant' && !organisationId) {
      const org = await createOrganisation(db, null, {
        name: `Test Supplier ${counter} ${randomBytes(3).toString('hex')}`,
        kind: 'participant',
        marketRole: 'supplier',
      });
      organisationId = org.id;
    }
    const code = input.role === 'code_body' ? (input.code ?? 'BSC') : null;
    const user = await createUser(db, null, {
      email,
      name: input.name ?? `Test ${input.role} ${counter}`,
      role: input.role,
      password,
      organisationId,
      code,
    });
    return { id: user.id, email, password, role: input.role, code, organisationId };
  };

  return {
    url,
    db,
    jwtSecret,
    api,
    login,
    createUser: makeUser,
    async signedIn(role, extra = {}) {
      const user = await makeUser({ role, ...extra });
      return { ...user, token: await login(user.email, user.password) };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await cleanup();
    },
  };
}

/** Calls the API at `url` as the tests do: JSON in and out, a bearer token when given. */
export function apiClient(url: string): TestServer['api'] {
  return async (p, init = {}) => {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    let body: string | undefined = init.rawBody;
    if (body === undefined && init.body !== undefined) body = JSON.stringify(init.body);
    if (body !== undefined && !headers['content-type'])
      headers['content-type'] = 'application/json';
    const res = await fetch(url + p, {
      method: init.method ?? (body ? 'POST' : 'GET'),
      headers,
      body,
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: the test sees the raw text
    }
    return { status: res.status, headers: res.headers, body: parsed };
  };
}
