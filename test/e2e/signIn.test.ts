import { expect } from 'chai';
import { browserSuite, mainNav, signIn } from '../helpers/browser.js';

describe('signing in and out in the browser', function () {
  this.timeout(60_000);

  const suite = browserSuite();

  it('tells a locked-out user how long to wait', async () => {
    const user = await suite.server.createUser({ role: 'programme' });
    for (let i = 0; i < 10; i++) {
      await suite.server.api('/api/auth/login', {
        body: { email: user.email, password: `wrong guess ${i}` },
      });
    }
    const page = await suite.newPage();
    await page.goto('/login');
    // The right password: a lock holds for every attempt until it ends.
    await signIn(page, user);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).to.equal('Too many failed sign-ins; try again in 15 minutes');
    expect(new URL(page.url()).pathname).to.equal('/login');
  });

  it('ends the session on the server when the user signs out', async () => {
    const user = await suite.server.createUser({ role: 'sro' });
    const page = await suite.signedInPage(user);
    // Strings, not functions: the test project has no DOM types.
    const token = (await page.evaluate("localStorage.getItem('m6.token')")) as string;
    expect((await suite.server.api('/api/me', { token })).status).to.equal(200);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/login');
    expect(await mainNav(page).count()).to.equal(0);
    expect(await page.evaluate("localStorage.getItem('m6.token')")).to.equal(null);
    // The page leaves only once the server has answered the sign-out.
    expect((await suite.server.api('/api/me', { token })).status).to.equal(401);
  });
});
