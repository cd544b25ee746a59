import jwt from 'jsonwebtoken';

const ALGORITHM = 'HS256';
export const TOKEN_TTL_SECONDS = 8 * 60 * 60;

export function signToken(userId: string, secret: string): string {
  return jwt.sign({}, secret, {
    algorithm: ALGORITHM,
    subject: userId,
    expiresIn: TOKEN_TTL_SECONDS,
  });
}

/** Returns the user id, or null for any token that is missing, malformed, expired or not ours. */
export function verifyToken(token: string, secret: string): string | null {
  try {
    const payload = jwt.verify(token, secret, { algorithms: [ALGORITHM] });
    if (typeof payload === 'string' || typeof payload.sub !== 'string' || !payload.exp) return null;
    return payload.sub;
  } catch {
    return null;
  }
}
