import { expect } from 'chai';
import jwt from 'jsonwebtoken';
import { signToken, verifyToken, TOKEN_TTL_SECONDS } from '../../../server/lib/tokens.js';

const secret = 'a'.repeat(40);

describe('tokens', () => {
  it('round-trips a user id and token version, and expires after 8 hours', () => {
    const token = signToken('user-1', secret, 3);
    expect(verifyToken(token, secret)).to.deep.equal({ userId: 'user-1', tokenVersion: 3 });
    const decoded = jwt.decode(token) as { exp: number; iat: number };
    expect(decoded.exp - decoded.iat).to.equal(TOKEN_TTL_SECONDS);
    expect(TOKEN_TTL_SECONDS).to.equal(8 * 3600);
  });

  it('reads a token without a version (issued before versions existed) as version 0', () => {
    const old = jwt.sign({ sub: 'user-1' }, secret, { algorithm: 'HS256', expiresIn: 60 });
    expect(verifyToken(old, secret)).to.deep.equal({ userId: 'user-1', tokenVersion: 0 });
  });

  it('rejects a token whose version is not a whole number', () => {
    for (const ver of ['1', -1, 1.5, null]) {
      const token = jwt.sign({ sub: 'user-1', ver }, secret, { algorithm: 'HS256', expiresIn: 60 });
      expect(verifyToken(token, secret), String(ver)).to.equal(null);
    }
  });

  it('rejects a token signed with another secret', () => {
    expect(verifyToken(signToken('user-1', 'b'.repeat(40)), secret)).to.equal(null);
  });

  it('rejects an expired token', () => {
    const token = jwt.sign({ sub: 'user-1', exp: Math.floor(Date.now() / 1000) - 10 }, secret, {
      algorithm: 'HS256',
    });
    expect(verifyToken(token, secret)).to.equal(null);
  });

  it('rejects alg "none" and other algorithms', () => {
    const none = jwt.sign({ sub: 'user-1' }, '', { algorithm: 'none', expiresIn: 60 });
    expect(verifyToken(none, secret)).to.equal(null);
    const hs512 = jwt.sign({ sub: 'user-1' }, secret, { algorithm: 'HS512', expiresIn: 60 });
    expect(verifyToken(hs512, secret)).to.equal(null);
  });

  it('rejects a token without an expiry', () => {
    const forever = jwt.sign({ sub: 'user-1' }, secret, { algorithm: 'HS256' });
    expect(verifyToken(forever, secret)).to.equal(null);
  });

  it('rejects a tampered payload', () => {
    const [h, , s] = signToken('user-1', secret).split('.');
    const payload = Buffer.from(JSON.stringify({ sub: 'admin', exp: 9999999999 })).toString(
      'base64url',
    );
    expect(verifyToken(`${h}.${payload}.${s}`, secret)).to.equal(null);
  });
});
