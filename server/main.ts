import { pino } from 'pino';
import { createApp } from './app.js';
import { bootDatabase } from './boot.js';
import { loadConfig } from './config.js';
import { loadJwtSecret } from './lib/jwtSecret.js';
import type { FirstAdminResult } from './commands/ensureFirstAdmin.js';

function signInHelp(url: string, firstAdmin: FirstAdminResult, envEmail?: string): string {
  const lines = [`\n  M6 code artefact review is running at ${url}`];
  if (firstAdmin.created && firstAdmin.generatedPassword) {
    lines.push(
      `  Sign in as ${firstAdmin.email} with password: ${firstAdmin.generatedPassword}`,
      '  (shown once; set ADMIN_EMAIL/ADMIN_PASSWORD before the first start to choose your own)',
    );
  } else if (firstAdmin.created) {
    lines.push(`  Sign in as ${firstAdmin.email} with the ADMIN_PASSWORD you set.`);
  } else {
    lines.push(
      `  Sign in with your account (the first admin is ${envEmail ?? 'admin@localhost'}).`,
    );
  }
  lines.push('  Demo users for every role: npm run seed:demo\n');
  return lines.join('\n');
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.logLevel });
  const jwtSecret = loadJwtSecret(config.jwtSecret, config.dataDir, {
    sharedDatabase: config.databaseUrl !== undefined,
  });
  const { db, firstAdmin } = await bootDatabase(config, logger);
  const app = createApp({ db, jwtSecret, logger, clientDir: config.clientDir });
  const server = app.listen(config.port, () => {
    const url = `http://localhost:${config.port}`;
    logger.info({ port: config.port, db: db.dialect }, 'listening');
    console.log(signInHelp(url, firstAdmin, config.adminEmail));
  });
  server.on('error', (err) => {
    logger.fatal({ err }, 'server failed to start');
    process.exit(1);
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // Finish in-flight requests, then release the database; force exit if a client hangs on.
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close(() => {
      db.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
