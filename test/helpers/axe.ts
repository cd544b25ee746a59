import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { Result } from 'axe-core';

// axe-core run in the page under test, with the WCAG 2.0 and 2.1 A and AA rules. The app's CSP
// forbids inline scripts, but Playwright's evaluate runs through the DevTools protocol, which it
// does not cover, so axe is injected that way and no CSP has to be bypassed.

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** One line per offending element: rule, impact, what is wrong and where. */
export function describeViolations(violations: Result[]): string {
  return violations
    .flatMap((v) =>
      v.nodes.map(
        (node) =>
          `${v.id} (${v.impact ?? 'no impact'}): ${v.help}\n  at ${node.target.join(' ')}\n  ${
            node.failureSummary?.replace(/\n/g, ' ') ?? ''
          }\n  ${node.html.slice(0, 200)}`,
      ),
    )
    .join('\n');
}

/** Runs axe on the whole page as it is now and returns the violations of WCAG 2.1 AA. */
export async function axeViolations(page: Page): Promise<Result[]> {
  if (!(await page.evaluate("typeof window.axe === 'object'"))) await page.evaluate(AXE_SOURCE);
  const options = { runOnly: { type: 'tag', values: WCAG_21_AA }, resultTypes: ['violations'] };
  // A string, as the tests are compiled without the DOM's types.
  return (await page.evaluate(
    `axe.run(document, ${JSON.stringify(options)}).then((results) => results.violations)`,
  )) as Result[];
}

/** Fails with every violation listed readably, naming the page state that was scanned. */
export async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length > 0) {
    throw new Error(
      `axe found WCAG 2.1 AA violations on ${what}:\n${describeViolations(violations)}`,
    );
  }
}

export interface Overflow {
  scrollWidth: number;
  clientWidth: number;
  /** The innermost elements reaching past the window's right edge, to say what to fix. */
  culprits: string[];
}

const OVERFLOW = `(() => {
  const root = document.documentElement;
  const width = root.clientWidth;
  const past = (el) => el.getBoundingClientRect().right > width + 0.5;
  const culprits = [...document.body.querySelectorAll('*')]
    .filter((el) => past(el) && ![...el.children].some(past))
    .slice(0, 5)
    .map((el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
      [...el.classList].map((c) => '.' + c).join('') + ' (' + Math.round(el.getBoundingClientRect().right) + ' px)');
  return { scrollWidth: root.scrollWidth, clientWidth: width, culprits };
})()`;

/** The document's width and the window's: wider means the page scrolls sideways. */
export async function horizontalOverflow(page: Page): Promise<Overflow> {
  return (await page.evaluate(OVERFLOW)) as Overflow;
}
