import { expect } from 'chai';
import { signUnsubscribeToken } from '../../server/lib/unsubscribeTokens.js';
import { browserSuite } from '../helpers/browser.js';

describe('Unsubscribe page in the browser', function () {
  this.timeout(90_000);
  const suite = browserSuite();

  it('unsubscribes without signing in and says what stopped; a broken link says so', async () => {
    const server = suite.server;
    const user = await server.createUser({ role: 'participant' });
    const token = signUnsubscribeToken({ userId: user.id, category: 'versions' }, server.jwtSecret);
    const page = await suite.newPage();
    await page.goto(`/unsubscribe?token=${encodeURIComponent(token)}`);
    await page
      .getByText(
        `${user.email} will no longer get emails about new versions of artefacts you follow`,
      )
      .waitFor();
    expect(
      await page.getByRole('link', { name: /change your notification settings/ }).count(),
    ).to.equal(1);
    const optOuts = await server.db.kysely
      .selectFrom('emailOptOuts')
      .select('category')
      .where('userId', '=', user.id)
      .execute();
    expect(optOuts).to.deep.equal([{ category: 'versions' }]);

    await page.goto(`/unsubscribe?token=${encodeURIComponent(`${token}x`)}`);
    await page
      .getByRole('alert')
      .getByText(/not valid/)
      .waitFor();
  });
});
