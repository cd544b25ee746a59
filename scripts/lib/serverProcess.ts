// The real server as a child process (`node --import tsx server/main.ts`), for the reliability
// scripts and the tests that must kill, signal or starve it the way an operator's system would.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ServerProcessOptions {
  dataDir: string;
  /** PostgreSQL instead of SQLite. */
  databaseUrl?: string;
  adminEmail?: string;
  adminPassword?: string;
  port?: number;
  env?: Record<string, string>;
}

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Resolves when the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The end of what it printed (stdout and stderr). */
  output(): string;
}

const KEEP_OUTPUT = 64 * 1024;
// One secret per run of a script or test process, shared by every server it starts (instances
// behind one balancer must share it, and a restarted server must accept the tokens it issued).
const RUN_JWT_SECRET = randomBytes(48).toString('base64url');

export function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: options.dataDir,
    PORT: String(options.port ?? 0),
    LOG_LEVEL: 'info',
    JWT_SECRET: RUN_JWT_SECRET,
    ADMIN_EMAIL: options.adminEmail ?? 'admin@reliability.example',
    ADMIN_PASSWORD: options.adminPassword ?? 'Reliability-Admin-Password-1',
    ...options.env,
  };
  delete env.DATABASE_URL;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Never outlive the script or test that started it.
  const killChild = () => child.kill('SIGKILL');
  process.on('exit', killChild);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-KEEP_OUTPUT);
  };
  child.stderr?.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      process.off('exit', killChild);
      resolve({ code, signal });
    }),
  );

  return new Promise((resolve, reject) => {
    let pending = '';
    const onData = (chunk: Buffer) => {
      keep(chunk);
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const port = listeningPort(line);
        if (port === null) continue;
        child.stdout?.off('data', onData);
        child.stdout?.on('data', keep);
        resolve({
          url: `http://127.0.0.1:${port}`,
          port,
          child,
          exited,
          output: () => output,
        });
        return;
      }
    };
    child.stdout?.on('data', onData);
    void exited.then(({ code, signal }) =>
      reject(new Error(`the server exited before listening (${code ?? signal}):\n${output}`)),
    );
  });
}

function listeningPort(line: string): number | null {
  if (!line.startsWith('{')) return null;
  try {
    const entry = JSON.parse(line) as { msg?: string; port?: number };
    return entry.msg === 'listening' && typeof entry.port === 'number' ? entry.port : null;
  } catch {
    return null;
  }
}
