import path from 'node:path';

export interface Config {
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  jwtSecret: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  logLevel: string;
  clientDir: string;
  /** Express `trust proxy`: false, true, a hop count, or addresses/subnets (comma-separated). */
  trustProxy: boolean | number | string;
  /** smtp(s)://user:pass@host:port; email is off without it (in-app notifications continue). */
  smtpUrl: string | undefined;
  smtpFrom: string;
  /** Where the app is reached, for links in emails; no trailing slash. */
  publicUrl: string;
  /** How often the email worker looks for due email (EMAIL_INTERVAL_MS). */
  emailIntervalMs: number;
}

function trustProxy(value: string | undefined): boolean | number | string {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false') return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) return Number(text);
  return text;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer between 0 and 65535, got "${env.PORT}"`);
  }
  return {
    port,
    dataDir: path.resolve(env.DATA_DIR || './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    jwtSecret: env.JWT_SECRET || undefined,
    adminEmail: env.ADMIN_EMAIL || undefined,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    logLevel: env.LOG_LEVEL || 'info',
    clientDir: path.resolve(env.CLIENT_DIR || 'dist/client'),
    trustProxy: trustProxy(env.TRUST_PROXY),
    smtpUrl: env.SMTP_URL || undefined,
    smtpFrom: env.SMTP_FROM || 'M6 review <no-reply@localhost>',
    emailIntervalMs: Number(env.EMAIL_INTERVAL_MS) > 0 ? Number(env.EMAIL_INTERVAL_MS) : 5_000,
    publicUrl: (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, ''),
  };
}
