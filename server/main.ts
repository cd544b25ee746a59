import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { createApp } from './app.js';
import { createHttpServer } from './http/httpServer.js';
import { bootDatabase } from './boot.js';
import { loadConfig } from './config.js';
import { checkAuditChainAtStart } from './db/verifyAuditChain.js';
import { loadJwtSecret } from './lib/jwtSecret.js';
import { stdoutDestination } from './lib/logDestination.js';
import { removePidFile, writePidFile } from './lib/pidFile.js';
import { startDraining } from './routes/health/draining.js';
import { currentReadiness } from './readiness.js';
import { startNotificationScheduler } from './notifications/scheduler.js';
import type { FirstAdminResult } from './commands/ensureFirstAdmin.js';
import { DEFAULTS } from './email/options.js';
import { createMailTransport, describeSmtp, type MailTransport } from './email/transport.js';
import { startEmailWorker, type EmailWorker } from './email/worker.js';

const GRACE_MS = 3_000;
const DEADLINE_MS = 8_000;

function signInHelp(
  url: string,
  firstAdmin: FirstAdminResult,
  envEmail: string | undefined,
  smtp: string | undefined,
): string {
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
  lines.push('  Demo users for every role: npm run seed:demo');
  lines.push(
    smtp
      ? `  Email notifications are sent through ${smtp}.\n`
      : '  Email is off (set SMTP_URL to send it); in-app notifications continue.\n',
  );
  return lines.join('\n');
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.logLevel }, stdoutDestination());
  const jwtSecret = loadJwtSecret(config.jwtSecret, config.dataDir, {
    sharedDatabase: config.databaseUrl !== undefined,
  });
  const { db, firstAdmin } = await bootDatabase(config, logger);
  const app = createApp({
    db,
    jwtSecret,
    logger,
    clientDir: config.clientDir,
    trustProxy: config.trustProxy,
    // Only whether email is on, for the settings page; the mail transport is configured apart.
    emailEnabled: config.smtpUrl !== undefined,
  });
  let transport: MailTransport | undefined;
  let emailWorker: EmailWorker | undefined;
  if (config.smtpUrl) {
    transport = createMailTransport(config.smtpUrl, DEFAULTS.concurrency);
    emailWorker = startEmailWorker({
      db,
      transport,
      logger,
      intervalMs: config.emailIntervalMs,
      options: {
        instanceId: `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`,
        publicUrl: config.publicUrl,
        from: config.smtpFrom,
        jwtSecret,
      },
    });
  }
  const smtp = config.smtpUrl ? describeSmtp(config.smtpUrl) : undefined;
  const server = createHttpServer(app).listen(config.port, () => {
    const { port } = server.address() as AddressInfo;
    if (db.dialect === 'sqlite') {
      writePidFile(config.dataDir);
      process.on('exit', () => removePidFile(config.dataDir));
    }
    logger.info({ port, db: db.dialect }, 'listening');
    if (smtp) logger.info({ smtp, publicUrl: config.publicUrl }, 'email notifications on');
    else logger.info('email off: SMTP_URL is not set; in-app notifications continue');
    console.log(signInHelp(`http://localhost:${port}`, firstAdmin, config.adminEmail, smtp));
    // In the background: a long log must not delay serving.
    void checkAuditChainAtStart(db, logger);
  });
  // Readiness from the shared evaluation that the dashboard reads, not a fresh one each minute.
  const scheduler = startNotificationScheduler(db, logger, {
    isReady: async () => (await currentReadiness(db)).ready,
  });
  server.on('error', (err) => {
    logger.fatal({ err }, 'server failed to start');
    process.exit(1);
  });

  let stopping = false;
  // Once a shutdown starts, responses not yet begun close their connection, so that neither a
  // client nor a balancer's kept-alive connection sends another request down one about to be cut.
  const unanswered = new Set<ServerResponse>();
  server.prependListener('request', (_req, res: ServerResponse) => {
    if (stopping) return void res.setHeader('Connection', 'close');
    unanswered.add(res);
    res.once('close', () => unanswered.delete(res));
  });
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    scheduler.stop();
    // Readiness answers 503 on the connections that remain; new ones are refused below.
    startDraining(app);
    for (const res of unanswered) if (!res.headersSent) res.setHeader('Connection', 'close');
    // In-flight requests get a grace period, then their connections are cut (server.close alone
    // waits for every open connection); the deadline covers anything else, such as a database
    // that does not close, inside the 10 s a supervisor allows before SIGKILL.
    setTimeout(() => server.closeAllConnections(), GRACE_MS).unref();
    setTimeout(() => process.exit(1), DEADLINE_MS).unref();
    server.close(() => {
      const emailStopped = emailWorker?.stop() ?? Promise.resolve();
      emailStopped
        .then(() => transport?.close())
        .then(() => db.close())
        .then(
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
