import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { ensureFirstAdmin } from '../../../server/commands/ensureFirstAdmin.js';
import { createTestDb, testDialects, type TestDb } from '../../helpers/db.js';

const POLICY =
  /^ADMIN_PASSWORD does not meet the password policy: it must be at least 12 characters/;

for (const dialect of testDialects()) {
  describe(`ADMIN_PASSWORD and the password policy (${dialect})`, () => {
    let t: TestDb;
    beforeEach(async () => {
      t = await createTestDb(dialect);
    });
    afterEach(() => t.cleanup());

    const admins = () =>
      t.db.kysely.selectFrom('users').select('id').where('role', '=', 'admin').execute();

    it('refuses an ADMIN_PASSWORD shorter than the policy allows, creating no admin', async () => {
      let error: unknown;
      try {
        await ensureFirstAdmin(t.db, { email: 'boss@example.org', password: 'short' });
      } catch (err) {
        error = err;
      }
      expect((error as Error | undefined)?.message).to.match(POLICY);
      expect(await admins()).to.have.length(0);
    });

    it('refuses it on later starts too, while it is set', async () => {
      await ensureFirstAdmin(t.db, {});
      let error: unknown;
      try {
        await ensureFirstAdmin(t.db, { password: 'elevenchars' });
      } catch (err) {
        error = err;
      }
      expect((error as Error | undefined)?.message).to.match(POLICY);
    });

    it('accepts one that meets the policy', async () => {
      const created = await ensureFirstAdmin(t.db, { password: 'twelve chars' });
      expect(created).to.include({ created: true, generatedPassword: null });
    });
  });
}

describe('starting the server with a weak ADMIN_PASSWORD', () => {
  it('exits with status 1 and says why', function () {
    this.timeout(60_000);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'm6-weak-admin-'));
    try {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        DATA_DIR: dataDir,
        PORT: '0',
        ADMIN_PASSWORD: 'short',
        LOG_LEVEL: 'silent',
      };
      delete env.DATABASE_URL;
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        env,
        encoding: 'utf8',
        timeout: 50_000,
      });
      expect(run.status, run.stderr).to.equal(1);
      expect(run.stderr).to.match(/ADMIN_PASSWORD does not meet the password policy/);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
