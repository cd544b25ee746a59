import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, horizontalOverflow } from '../helpers/axe.js';
import { browserSuite } from '../helpers/browser.js';
import { testDialects } from '../helpers/db.js';
import {
  findArtefact,
  openConsultation,
  postComment,
  publish,
  type SignedInUser,
} from '../helpers/fixtures.js';
import { insertNotifications } from '../helpers/notifications.js';

// axe-core's WCAG 2.1 A and AA rules over the main pages, as a participant and as a code body, on
// a desktop and on a 320 px phone (WCAG's reflow width), where no page may scroll sideways.

const PROCEDURE = [
  '1. GENERAL',
  ...Array.from({ length: 12 }, (_, i) =>
    [
      `1.${i + 1} Step ${i + 1}`,
      `1.${i + 1}.1 The Supplier shall complete step ${i + 1} of the procedure within one ` +
        'Working Day of the previous step and record the outcome.',
    ].join('\n\n'),
  ),
  '2. REPORTING',
  '2.1.1 The SVAA shall report every allocation to the BSC Agent daily.',
].join('\n\n');

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 320, height: 640 };

interface PageState {
  name: string;
  /** Gets the page into the state to scan, from anywhere. */
  open(page: Page): Promise<void>;
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).first().waitFor();

async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path, { waitUntil: 'networkidle' });
  await heading(page);
}

for (const dialect of testDialects()) {
  describe(`accessibility of the main pages (${dialect})`, function () {
    this.timeout(240_000);
    const suite = browserSuite({ dialect });
    let slug = '';
    let bsc: SignedInUser;
    let participant: SignedInUser;

    before(async () => {
      const server = suite.server;
      bsc = await server.signedIn('code_body', { code: 'BSC' });
      participant = await server.signedIn('participant');
      const programme = await server.signedIn('programme');
      const bscp701 = await findArtefact(server, bsc.token, 'BSCP701');
      slug = bscp701.slug;
      await publish(server, bsc, bscp701.id, PROCEDURE);
      await openConsultation(server, programme.token, [bscp701.id]);
      const posted = await postComment(server, participant.token, bscp701.id, {
        clauseRef: '2.1.1',
        body: 'Say which BSC Agent receives the report.',
      });
      expect(posted.status, JSON.stringify(posted.body)).to.equal(201);
      for (const user of [bsc, participant]) {
        await insertNotifications(server.db, user.id, [
          { title: 'A new version of BSCP701' },
          { title: 'Consultation opened', category: 'consultations' },
        ]);
      }
    });

    const commentForm = (page: Page) =>
      page.getByRole('form', { name: 'New comment on clause 2.1.1' });

    async function openCommentForm(page: Page): Promise<void> {
      await visit(page, `/artefacts/${slug}`);
      await page.getByRole('button', { name: 'Comment on clause 2.1.1' }).click();
      await commentForm(page).waitFor();
    }

    const states = (queue: string): PageState[] => [
      { name: 'the registry', open: (page) => visit(page, '/') },
      { name: 'an artefact with the comment form open', open: openCommentForm },
      {
        name: 'an artefact with a validation error showing',
        async open(page) {
          await openCommentForm(page);
          await commentForm(page).getByRole('button', { name: 'Submit comment' }).click();
          await commentForm(page).getByRole('alert').waitFor();
        },
      },
      { name: `the ${queue} queue`, open: (page) => visit(page, `/${queue}`) },
      { name: 'readiness', open: (page) => visit(page, '/readiness') },
      { name: 'search results', open: (page) => visit(page, '/search?q=Supplier') },
      { name: 'notifications', open: (page) => visit(page, '/notifications') },
    ];

    async function scan(page: Page, list: PageState[], who: string): Promise<string[]> {
      const failures: string[] = [];
      for (const viewport of [DESKTOP, PHONE]) {
        await page.setViewportSize(viewport);
        for (const state of list) {
          const what = `${state.name} as ${who} at ${viewport.width} px`;
          await state.open(page);
          try {
            await expectNoAxeViolations(page, what);
          } catch (error) {
            failures.push((error as Error).message);
          }
          if (viewport === PHONE) {
            const { scrollWidth, clientWidth, culprits } = await horizontalOverflow(page);
            if (scrollWidth > clientWidth) {
              failures.push(
                `${what} scrolls sideways: ${scrollWidth} px wide in ${clientWidth}, past the edge: ${culprits.join(', ')}`,
              );
            }
          }
        }
      }
      return failures;
    }

    it('finds no WCAG 2.1 AA violation and no sideways scrolling, as a participant', async () => {
      const page = await suite.signedInPage(participant);
      const failures = await scan(page, states('my-comments'), 'a participant');
      expect(failures, failures.join('\n\n')).to.deep.equal([]);
    });

    it('finds no WCAG 2.1 AA violation and no sideways scrolling, as a code body', async () => {
      const page = await suite.signedInPage(bsc);
      const failures = await scan(page, states('triage'), 'a code body');
      expect(failures, failures.join('\n\n')).to.deep.equal([]);
    });

    it('finds no WCAG 2.1 AA violation on the sign-in page, with and without an error', async () => {
      const page = await suite.newPage();
      const failures = await scan(
        page,
        [
          { name: 'sign-in', open: (p) => visit(p, '/login') },
          {
            name: 'sign-in after a wrong password',
            async open(p) {
              await visit(p, '/login');
              await p.getByLabel('Email').fill(participant.email);
              await p.getByLabel('Password').fill('not the password');
              await p.getByRole('button', { name: 'Sign in' }).click();
              await p.getByRole('alert').waitFor();
            },
          },
        ],
        'nobody',
      );
      expect(failures, failures.join('\n\n')).to.deep.equal([]);
    });

    it('keeps the contents panel from covering the clauses and the comment form below 800 px', async () => {
      const page = await suite.signedInPage(participant);
      const outlinePosition = () =>
        page
          .locator('nav.outline')
          .evaluate((nav) => nav.ownerDocument.defaultView?.getComputedStyle(nav).position);

      await page.setViewportSize(DESKTOP);
      await visit(page, `/artefacts/${slug}`);
      expect(await outlinePosition(), 'beside the document on a desktop').to.equal('sticky');

      for (const width of [390, 320]) {
        await page.setViewportSize({ width, height: 640 });
        expect(await outlinePosition(), `at ${width} px`).to.equal('static');
        await openCommentForm(page);
        // Every field of the form, scrolled to, is the topmost thing where it shows.
        for (const label of ['Quoted text (optional)', 'Category', 'Comment']) {
          const field = commentForm(page).getByLabel(label, { exact: true });
          await field.scrollIntoViewIfNeeded();
          // What a click at its centre would reach: the field, unless something covers it.
          const onTop = await field.evaluate((element) => {
            const box = element.getBoundingClientRect();
            const hit = element.ownerDocument.elementFromPoint(
              box.x + box.width / 2,
              box.y + box.height / 2,
            );
            return hit === element || element.contains(hit);
          });
          expect(onTop, `${label} is covered at ${width} px`).to.equal(true);
        }
        const { scrollWidth, clientWidth, culprits } = await horizontalOverflow(page);
        expect(scrollWidth, `sideways at ${width} px: ${culprits.join(', ')}`).to.be.at.most(
          clientWidth,
        );
      }
    });
  });
}
