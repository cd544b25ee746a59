import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadJwtSecret } from '../../../server/lib/jwtSecret.js';

describe('loadJwtSecret', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'm6-secret-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('generates a secret once into DATA_DIR with mode 0600 and reuses it', () => {
    const first = loadJwtSecret(undefined, dir);
    const second = loadJwtSecret(undefined, dir);
    expect(first).to.have.length.greaterThanOrEqual(32);
    expect(second).to.equal(first);
    expect(fs.statSync(path.join(dir, 'jwt-secret')).mode & 0o777).to.equal(0o600);
  });

  it('prefers JWT_SECRET and refuses a short one', () => {
    expect(loadJwtSecret('x'.repeat(32), dir)).to.equal('x'.repeat(32));
    expect(fs.existsSync(path.join(dir, 'jwt-secret'))).to.equal(false);
    expect(() => loadJwtSecret('short', dir)).to.throw(/at least 32/);
  });

  it('refuses to generate a secret of its own on a shared database (DATABASE_URL set)', () => {
    expect(() => loadJwtSecret(undefined, dir, { sharedDatabase: true })).to.throw(
      /JWT_SECRET must be set when DATABASE_URL is/,
    );
    expect(fs.existsSync(path.join(dir, 'jwt-secret'))).to.equal(false);
    expect(loadJwtSecret('y'.repeat(32), dir, { sharedDatabase: true })).to.equal('y'.repeat(32));
  });
});
