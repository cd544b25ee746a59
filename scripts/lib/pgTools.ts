import { spawn } from 'node:child_process';

/**
 * libpq's environment for a connection URL, so that pg_dump and pg_restore connect as the server
 * does without the password appearing in the process list.
 */
export function libpqEnv(databaseUrl: string): NodeJS.ProcessEnv {
  const url = new URL(databaseUrl);
  const env: NodeJS.ProcessEnv = {};
  if (url.hostname) env.PGHOST = decodeURIComponent(url.hostname);
  if (url.port) env.PGPORT = url.port;
  if (url.username) env.PGUSER = decodeURIComponent(url.username);
  if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (database) env.PGDATABASE = database;
  const params: Record<string, string> = {
    host: 'PGHOST',
    port: 'PGPORT',
    sslmode: 'PGSSLMODE',
    options: 'PGOPTIONS',
  };
  for (const [key, value] of url.searchParams) {
    const name = params[key];
    if (name) env[name] = value;
  }
  return env;
}

/** Runs a PostgreSQL client tool; answers its exit code, or null when it is not installed. */
export function runPgTool(
  tool: 'pg_dump' | 'pg_restore',
  args: string[],
  databaseUrl: string,
): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, {
      env: { ...process.env, ...libpqEnv(databaseUrl) },
      stdio: 'inherit',
    });
    child.on('error', (err: NodeJS.ErrnoException) =>
      err.code === 'ENOENT' ? resolve(null) : reject(err),
    );
    child.on('exit', (code) => resolve(code ?? 1));
  });
}
