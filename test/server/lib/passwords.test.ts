import { expect } from 'chai';
import {
  hashPassword,
  verifyPassword,
  UNUSABLE_PASSWORD_HASH,
} from '../../../server/lib/passwords.js';

describe('passwords', () => {
  it('hashes with scrypt and a per-password salt', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).to.match(/^scrypt\$16384\$8\$1\$/);
    expect(a).to.not.equal(b);
    expect(a).to.not.include('correct horse');
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse battery', hash)).to.equal(true);
    expect(await verifyPassword('correct horse batterz', hash)).to.equal(false);
  });

  it('refuses everything against the unusable hash and malformed hashes', async () => {
    expect(await verifyPassword('', UNUSABLE_PASSWORD_HASH)).to.equal(false);
    expect(await verifyPassword('anything', 'plain-text')).to.equal(false);
  });
});
