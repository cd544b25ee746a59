import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// WCAG 1.4.11: the focus ring must reach 3:1 against what surrounds it. With its 2 px offset the
// ring sits on the background of the focused control's container, so it is checked against every
// light background the stylesheets declare (dark fills are buttons and badges, inside the ring).

const CLIENT_SRC = fileURLToPath(new URL('../../client/src/', import.meta.url));
const css = readdirSync(CLIENT_SRC)
  .filter((name) => name.endsWith('.css'))
  .map((name) => readFileSync(CLIENT_SRC + name, 'utf8'))
  .join('\n');

function luminance(hex: string): number {
  const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d).join('') : hex.slice(1);
  const linear = (i: number) => {
    const c = parseInt(digits.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(0) + 0.7152 * linear(2) + 0.0722 * linear(4);
}

function contrastRatio(a: string, b: string): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

const variable = (name: string) =>
  css.match(new RegExp(`--${name}:\\s*(#[0-9a-f]{3,6})\\b`, 'i'))?.[1];

describe('the focus ring colour', () => {
  it('computes contrast as WCAG does', () => {
    expect(contrastRatio('#000', '#fff')).to.be.closeTo(21, 0.01);
    expect(contrastRatio('#f5a623', '#fff')).to.be.closeTo(2.03, 0.01);
  });

  it('is used for every focus ring and reaches 3:1 against every light background', () => {
    const focus = variable('focus') ?? '';
    expect(focus, '--focus in styles.css').to.match(/^#/);
    expect(css).to.match(/:focus-visible\s*\{[^}]*outline:[^;]*var\(--focus\)/);
    expect(css, 'no focus ring in the old amber').to.not.match(/#f5a623/i);

    const surface = variable('surface');
    const backgrounds = [
      ...new Set([
        '#fff',
        ...(surface ? [surface] : []),
        ...[...css.matchAll(/background(?:-color)?:\s*(#[0-9a-f]{3,6})\b/gi)].map(
          (m) => m[1] ?? '',
        ),
      ]),
    ].filter((colour) => luminance(colour) > 0.4);
    expect(backgrounds.length).to.be.greaterThan(10);
    for (const background of backgrounds) {
      expect(contrastRatio(focus, background), `${focus} on ${background}`).to.be.at.least(3);
    }
  });
});
