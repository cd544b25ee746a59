import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * JWT_SECRET wins; otherwise a secret is generated once into DATA_DIR (mode 0600) so tokens
 * survive restarts. A shared database means instances behind a load balancer, which must all sign
 * with one secret: a secret of each instance's own would fail every request that lands elsewhere.
 */
export function loadJwtSecret(
  envSecret: string | undefined,
  dataDir: string,
  options: { sharedDatabase?: boolean } = {},
): string {
  if (envSecret) {
    if (envSecret.length < 32) throw new Error('JWT_SECRET must be at least 32 characters');
    return envSecret;
  }
  if (options.sharedDatabase) {
    throw new Error(
      'JWT_SECRET must be set when DATABASE_URL is: every instance on a shared database must sign ' +
        'tokens with the same secret (at least 32 characters, e.g. `openssl rand -base64 48`)',
    );
  }
  const file = path.join(dataDir, 'jwt-secret');
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    fs.writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const secret = fs.readFileSync(file, 'utf8').trim();
  if (secret.length < 32) throw new Error(`${file} holds a secret shorter than 32 characters`);
  return secret;
}
