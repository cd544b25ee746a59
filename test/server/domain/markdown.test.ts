import { expect } from 'chai';
import fc from 'fast-check';
import { renderDocumentHtml, renderMarkdown } from '../../../server/domain/markdown.js';
import {
  parseClauses,
  type Clause,
  type ParsedDocument,
} from '../../../server/domain/parseClauses.js';

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '<a href="JaVaScRiPt:alert(1)">click</a>',
  '<a href="&#106;avascript:alert(1)">encoded</a>',
  '<iframe src="https://evil.example"></iframe>',
  '<style>body { display: none }</style>',
  '<p style="color:red" onclick="alert(1)">styled</p>',
  '[d](data:text/html;base64,PHNjcmlwdD4=)',
].join('\n\n');

function expectInert(html: string): void {
  expect(html).not.to.match(/<script/i);
  expect(html).not.to.match(/onerror/i);
  expect(html).not.to.match(/onclick/i);
  expect(html).not.to.match(/javascript:/i);
  expect(html).not.to.match(/data:/i);
  expect(html).not.to.match(/<iframe/i);
  expect(html).not.to.match(/<style/i);
  expect(html).not.to.match(/style=/i);
  expect(html).not.to.match(/<img/i);
}

function makeClause(overrides: Partial<Clause>): Clause {
  return {
    ref: '1.1.1',
    heading: null,
    text: '',
    anchor: 'clause-1-1-1',
    level: 3,
    parentRef: null,
    line: 1,
    ...overrides,
  };
}

const doc = (clauses: Clause[], extra: Partial<ParsedDocument> = {}): ParsedDocument => ({
  title: null,
  preamble: '',
  clauses,
  ...extra,
});

describe('renderMarkdown', () => {
  it('renders ordinary Markdown', () => {
    const html = renderMarkdown('Some **bold** and *em* with `code`.\n\n- one\n- two');
    expect(html).to.contain('<strong>bold</strong>');
    expect(html).to.contain('<em>em</em>');
    expect(html).to.contain('<code>code</code>');
    expect(html).to.contain('<ul>');
  });

  it('renders tables, blockquotes, ins and del', () => {
    const html = renderMarkdown(
      '| A | B |\n| :-: | --- |\n| 1 | 2 |\n\n> quoted\n\n<ins>added</ins> <del>gone</del>',
    );
    expect(html).to.contain('<table>');
    expect(html).to.contain('<th align="center">A</th>');
    expect(html).to.contain('<blockquote>');
    expect(html).to.contain('<ins>added</ins>');
    expect(html).to.contain('<del>gone</del>');
  });

  it('keeps http, https, mailto, relative and fragment links', () => {
    const html = renderMarkdown(
      '[a](https://elexon.co.uk "BSC") [b](http://x.example) [c](mailto:a@b.example) [d](/artefacts/1) [e](#clause-1-1)',
    );
    expect(html).to.contain('<a href="https://elexon.co.uk" title="BSC">a</a>');
    expect(html).to.contain('href="http://x.example"');
    expect(html).to.contain('href="mailto:a@b.example"');
    expect(html).to.contain('href="/artefacts/1"');
    expect(html).to.contain('href="#clause-1-1"');
  });

  it('drops protocol-relative links', () => {
    expect(renderMarkdown('[x](//evil.example/path)')).not.to.contain('evil.example');
  });

  it('neutralises scripts, event handlers, dangerous URLs, iframes and styles', () => {
    const html = renderMarkdown(HOSTILE);
    expectInert(html);
    expect(html).to.contain('click');
    expect(html).to.contain('styled');
  });

  it('strips ids and classes users could use to clobber clause anchors', () => {
    const html = renderMarkdown(
      '<section id="clause-1" class="clause">x</section><h2 id="clause-2">y</h2><span class="clause-ref">z</span>',
    );
    expect(html).not.to.contain('id=');
    expect(html).not.to.contain('class=');
    expect(html).not.to.contain('<section');
  });

  it('returns an empty string for blank input', () => {
    expect(renderMarkdown('')).to.equal('');
    expect(renderMarkdown('  \n ')).to.equal('');
  });
});

describe('renderDocumentHtml', () => {
  const sample = [
    'SECTION S: SUPPLIER VOLUME ALLOCATION',
    '',
    'Preamble with **emphasis**.',
    '',
    '1. GENERAL',
    '',
    '1.1 Introduction',
    '',
    '1.1.1 This Section S sets out:',
    '',
    '(a) the basis; and',
    '',
    '(b) the duties.',
    '',
    '1.1.2 Another paragraph that continues',
    'on a second line.',
    '',
    'A second paragraph.',
    '',
    'ANNEX S-3: RULES',
    '',
    '2.4 Something under the annex',
  ].join('\n');
  const parsed = parseClauses(sample);
  const html = renderDocumentHtml(parsed);

  it('renders the title and preamble before the clauses', () => {
    expect(html.split('\n')[0]).to.equal(
      '<h1 class="doc-title">SECTION S: SUPPLIER VOLUME ALLOCATION</h1>',
    );
    expect(html).to.contain('<p>Preamble with <strong>emphasis</strong>.</p>');
    expect(html.indexOf('Preamble')).to.be.lessThan(html.indexOf('<section'));
  });

  it('wraps each clause in a section carrying its anchor, ref and level', () => {
    expect(html).to.contain(
      '<section class="clause clause-level-1" id="clause-1" data-ref="1"><h2><span class="clause-ref">1</span> GENERAL</h2></section>',
    );
    expect(html).to.contain(
      '<section class="clause clause-level-2" id="clause-1-1" data-ref="1.1"><h3><span class="clause-ref">1.1</span> Introduction</h3></section>',
    );
    expect(html).to.contain(
      '<section class="clause clause-level-4" id="clause-1-1-1-a" data-ref="1.1.1(a)"><p><span class="clause-ref">1.1.1(a)</span> the basis; and</p>',
    );
    expect(html).to.contain('id="clause-annex-s-3" data-ref="Annex S-3"><h2>');
    expect(html).to.contain('<h4><span class="clause-ref">Annex S-3 2.4</span> Something');
  });

  it('puts the ref inside the first paragraph and renders the rest as Markdown', () => {
    expect(html).to.contain(
      '<p><span class="clause-ref">1.1.2</span> Another paragraph that continues\non a second line.</p>\n<p>A second paragraph.</p>',
    );
  });

  it('gives each clause exactly one element with its anchor id', () => {
    for (const clause of parsed.clauses) {
      expect(html.split(`id="${clause.anchor}"`).length - 1, clause.ref).to.equal(1);
    }
    expect(html.match(/ id="/g)).to.have.length(parsed.clauses.length);
  });

  it('caps heading tags at h6', () => {
    const out = renderDocumentHtml(
      doc([makeClause({ ref: '1.1.1.1.1.1', level: 6, heading: 'Deep', anchor: 'clause-deep' })]),
    );
    expect(out).to.contain('<h6><span class="clause-ref">1.1.1.1.1.1</span> Deep</h6>');
  });

  it('does not turn clause text that starts with a number into a list', () => {
    const out = renderDocumentHtml(
      doc([makeClause({ text: '2. The second item is not a list\n\n1. but this one is' })]),
    );
    expect(out).to.contain('<p><span class="clause-ref">1.1.1</span> 2. The second item');
    expect(out).to.contain('<ol>\n<li>but this one is</li>');
    expect(out.match(/<ol/g)).to.have.length(1);
  });

  it('does not turn clause text that starts with other block markers into blocks', () => {
    for (const text of ['- dash', '# hash', '> quote', '* star', '3) paren', '***']) {
      const out = renderDocumentHtml(doc([makeClause({ text })]));
      expect(out, text).to.match(/^<section[^>]*><p><span class="clause-ref">1\.1\.1<\/span> /);
      expect(out, text).not.to.match(/<(ul|ol|h\d|blockquote|hr)/);
    }
  });

  it('keeps a ref paragraph even when the text is empty or starts with a table', () => {
    expect(renderDocumentHtml(doc([makeClause({ text: '' })]))).to.contain(
      '<p><span class="clause-ref">1.1.1</span></p></section>',
    );
    const table = renderDocumentHtml(doc([makeClause({ text: '| A |\n| - |\n| 1 |' })]));
    expect(table).to.contain('<p><span class="clause-ref">1.1.1</span></p><table>');
  });

  it('renders hostile clause, preamble and heading content inert', () => {
    const parsedHostile = parseClauses(`# Title\n\n${HOSTILE}\n\n1. GENERAL\n\n${HOSTILE}`);
    const hostile: ParsedDocument = {
      ...parsedHostile,
      clauses: [
        ...parsedHostile.clauses,
        makeClause({ text: HOSTILE }),
        makeClause({ ref: '2.1', anchor: 'clause-2-1', level: 2, heading: '', text: HOSTILE }),
      ],
    };
    const out = renderDocumentHtml(hostile);
    expectInert(out);
    expect(out).to.contain('click');
    for (const clause of hostile.clauses) {
      expect(out.split(`id="${clause.anchor}"`).length - 1).to.equal(1);
    }
  });

  it('escapes ref, anchor, heading and title values', () => {
    const out = renderDocumentHtml(
      doc(
        [
          makeClause({
            ref: '"><img src=x onerror=alert(1)>',
            anchor: 'x" onclick="alert(1)',
            heading: '<script>alert(1)</script>',
            level: 1,
          }),
        ],
        { title: '<iframe src=x></iframe>' },
      ),
    );
    expect(out).not.to.match(/<(img|script|iframe)/i);
    expect(out).not.to.match(/ on\w+="/i);
    expect(out).to.contain('<h1 class="doc-title">&lt;iframe src=x&gt;&lt;/iframe&gt;</h1>');
    expect(out).to.contain('id="x&quot; onclick=&quot;alert(1)"');
    expect(out).to.contain('data-ref="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');
    expect(out).to.contain('</span> &lt;script&gt;alert(1)&lt;/script&gt;</h2>');
  });

  it('stays inert with one element per anchor for arbitrary hostile documents', () => {
    const fragment = fc.oneof(
      fc.constantFrom(...HOSTILE.split('\n\n'), '1.1 Intro', '1.1.1 Text', '(a) item', 'Annex A'),
      fc.constantFrom('<section id="clause-1-1">', '</section>', '<h2 id="clause-1">', '<div>'),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 30 }), (fragments) => {
        const parsedDoc = parseClauses(fragments.join('\n'));
        const out = renderDocumentHtml(parsedDoc);
        // Inside an HTML block Markdown links stay literal text, so only tags are checked here.
        expect(out).not.to.match(/<(script|iframe|img|style)|<[^>]*(javascript:|\son\w+=)/i);
        for (const clause of parsedDoc.clauses) {
          expect(out.split(`id="${clause.anchor}"`).length - 1, clause.ref).to.equal(1);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('ignores clause ids smuggled into Markdown bodies', () => {
    const out = renderDocumentHtml(
      doc([
        makeClause({
          text: 'Body <section id="clause-2-1">fake</section> <h2 id="clause-2-1">x</h2>',
        }),
        makeClause({ ref: '2.1', anchor: 'clause-2-1', level: 2 }),
      ]),
    );
    expect(out.split('id="clause-2-1"').length - 1).to.equal(1);
  });
});
