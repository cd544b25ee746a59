import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';

const ALGORITHM = 'HS256';
export const TOKEN_TTL_SECONDS = 8 * 60 * 60;

// jsonwebtoken turns a string secret into a key on every call (first trying it as a public key,
// which throws); converting once keeps token checks off the hot path of every request.
const keys = new Map<string, KeyObject>();
function keyFor(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    keys.set(secret, key);
  }
  return key;
}

export function signToken(userId: string, secret: string): string {
  return jwt.sign({}, keyFor(secret), {
    algorithm: ALGORITHM,
    subject: userId,
    expiresIn: TOKEN_TTL_SECONDS,
  });
}

/** Returns the user id, or null for any token that is missing, malformed, expired or not ours. */
export function verifyToken(token: string, secret: string): string | null {
  try {
    const payload = jwt.verify(token, keyFor(secret), { algorithms: [ALGORITHM] });
    if (typeof payload === 'string' || typeof payload.sub !== 'string' || !payload.exp) return null;
    return payload.sub;
  } catch {
    return null;
  }
}
