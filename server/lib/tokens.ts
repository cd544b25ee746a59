import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';

const ALGORITHM = 'HS256';
export const TOKEN_TTL_SECONDS = 8 * 60 * 60;

// jsonwebtoken turns a string secret into a key on every call (first trying it as a public key,
// which throws); converting once keeps token checks off the hot path of every request.
const keys = new Map<string, KeyObject>();

/**
 * The signing key of the app secret, or with `purpose` a key derived from it: a token signed for
 * another purpose (an unsubscribe link) then never passes as a session.
 */
export function keyFor(secret: string, purpose?: string): KeyObject {
  const name = `${purpose ?? ''}\n${secret}`;
  let key = keys.get(name);
  if (!key) {
    key = createSecretKey(
      purpose === undefined
        ? Buffer.from(secret, 'utf8')
        : createHmac('sha256', secret).update(purpose).digest(),
    );
    keys.set(name, key);
  }
  return key;
}

export interface Session {
  userId: string;
  /** The user's token version when the token was issued; a later one ends the session. */
  tokenVersion: number;
}

export function signToken(userId: string, secret: string, tokenVersion = 0): string {
  return jwt.sign({ ver: tokenVersion }, keyFor(secret), {
    algorithm: ALGORITHM,
    subject: userId,
    expiresIn: TOKEN_TTL_SECONDS,
  });
}

/** The session, or null for any token that is missing, malformed, expired or not ours. */
export function verifyToken(token: string, secret: string): Session | null {
  try {
    const payload = jwt.verify(token, keyFor(secret), { algorithms: [ALGORITHM] });
    if (typeof payload === 'string' || typeof payload.sub !== 'string' || !payload.exp) return null;
    // Tokens issued before versions existed carry none: they belong to version 0.
    const version: unknown = 'ver' in payload ? payload.ver : 0;
    if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) return null;
    return { userId: payload.sub, tokenVersion: version };
  } catch {
    return null;
  }
}
