import { expect } from 'chai';
import fc from 'fast-check';
import { parseClauses, type Clause } from '../../../server/domain/parseClauses.js';

const SAMPLE = `SECTION S: SUPPLIER VOLUME ALLOCATION

1. GENERAL

1.1 Introduction

1.1.1 This Section S sets out:

(a) the basis on which Supplier Volume Allocation is carried out;

(b) the duties of the SVAA; and

(i) a nested roman item under (b)
(ii) another

1.1.2 Another paragraph that continues
on a second line.

ANNEX S-3: SUPPLIER VOLUME ALLOCATION RULES

1. INTRODUCTION
2.4 Something under the annex
`;

const refs = (markdown: string): string[] => parseClauses(markdown).clauses.map((c) => c.ref);

function clause(markdown: string, ref: string): Clause {
  const found = parseClauses(markdown).clauses.find((c) => c.ref === ref);
  if (!found) throw new Error(`no clause ${ref} in ${JSON.stringify(refs(markdown))}`);
  return found;
}

describe('parseClauses', () => {
  describe('the Section S sample', () => {
    const doc = parseClauses(SAMPLE);
    const summary = doc.clauses.map(({ ref, heading, level, parentRef, line }) => ({
      ref,
      heading,
      level,
      parentRef,
      line,
    }));

    it('finds every clause with its heading, level, parent and line', () => {
      expect(summary).to.deep.equal([
        { ref: '1', heading: 'GENERAL', level: 1, parentRef: null, line: 3 },
        { ref: '1.1', heading: 'Introduction', level: 2, parentRef: '1', line: 5 },
        { ref: '1.1.1', heading: null, level: 3, parentRef: '1.1', line: 7 },
        { ref: '1.1.1(a)', heading: null, level: 4, parentRef: '1.1.1', line: 9 },
        { ref: '1.1.1(b)', heading: null, level: 4, parentRef: '1.1.1', line: 11 },
        { ref: '1.1.1(b)(i)', heading: null, level: 5, parentRef: '1.1.1(b)', line: 13 },
        { ref: '1.1.1(b)(ii)', heading: null, level: 5, parentRef: '1.1.1(b)', line: 14 },
        { ref: '1.1.2', heading: null, level: 3, parentRef: '1.1', line: 16 },
        {
          ref: 'Annex S-3',
          heading: 'SUPPLIER VOLUME ALLOCATION RULES',
          level: 1,
          parentRef: null,
          line: 19,
        },
        { ref: 'Annex S-3 1', heading: 'INTRODUCTION', level: 2, parentRef: 'Annex S-3', line: 21 },
        {
          ref: 'Annex S-3 2.4',
          heading: 'Something under the annex',
          level: 3,
          parentRef: 'Annex S-3',
          line: 22,
        },
      ]);
    });

    it('takes the SECTION line as the title and leaves no preamble', () => {
      expect(doc.title).to.equal('SECTION S: SUPPLIER VOLUME ALLOCATION');
      expect(doc.preamble).to.equal('');
    });

    it('keeps paragraph text without the number and joins continuation lines', () => {
      const text = Object.fromEntries(doc.clauses.map((c) => [c.ref, c.text]));
      expect(text['1']).to.equal('');
      expect(text['1.1']).to.equal('');
      expect(text['1.1.1']).to.equal('This Section S sets out:');
      expect(text['1.1.1(a)']).to.equal(
        'the basis on which Supplier Volume Allocation is carried out;',
      );
      expect(text['1.1.1(b)(i)']).to.equal('a nested roman item under (b)');
      expect(text['1.1.2']).to.equal('Another paragraph that continues\non a second line.');
    });

    it('derives unique anchors from refs', () => {
      expect(doc.clauses.map((c) => c.anchor)).to.deep.equal([
        'clause-1',
        'clause-1-1',
        'clause-1-1-1',
        'clause-1-1-1-a',
        'clause-1-1-1-b',
        'clause-1-1-1-b-i',
        'clause-1-1-1-b-ii',
        'clause-1-1-2',
        'clause-annex-s-3',
        'clause-annex-s-3-1',
        'clause-annex-s-3-2-4',
      ]);
    });
  });

  describe('Markdown headings', () => {
    const markdown = [
      '# Balancing and Settlement Code Procedure',
      '',
      'Version 3.0, effective 1 April.',
      '',
      '# 1 Scope',
      '',
      'This BSCP covers things.',
      '',
      '## 1.2 Purpose',
      '',
      '### 1.2.1 Detail heading ###',
      '',
      '1.2.1.1 A deep paragraph.',
      '',
      '## **2.** Roles',
      '',
      '### Appendix A Forms',
      '',
      '## 1.1 Form one',
    ].join('\n');
    const doc = parseClauses(markdown);

    it('uses an unnumbered first heading as the title and the rest as preamble', () => {
      expect(doc.title).to.equal('Balancing and Settlement Code Procedure');
      expect(doc.preamble).to.equal('Version 3.0, effective 1 April.');
    });

    it('treats numbered headings as heading-like clauses at any depth', () => {
      expect(doc.clauses.map((c) => [c.ref, c.heading, c.level, c.parentRef])).to.deep.equal([
        ['1', 'Scope', 1, null],
        ['1.2', 'Purpose', 2, '1'],
        ['1.2.1', 'Detail heading', 3, '1.2'],
        ['1.2.1.1', null, 4, '1.2.1'],
        ['2', 'Roles', 1, null],
        ['Appendix A', 'Forms', 1, null],
        ['Appendix A 1.1', 'Form one', 3, 'Appendix A'],
      ]);
      expect(clause(markdown, '1').text).to.equal('This BSCP covers things.');
    });

    it('keeps unnumbered headings after the first clause as clause text', () => {
      const c = clause('1. GENERAL\n\n## Notes\n\nSome notes.', '1');
      expect(c.text).to.equal('## Notes\n\nSome notes.');
    });
  });

  describe('annexes and appendices', () => {
    it('prefixes later clauses with the annex and restarts under each new one', () => {
      const markdown = [
        '1. MAIN',
        '1.1.1 Main paragraph.',
        'Annex S-3 Supplier Volume Allocation Rules',
        '1.1 First',
        '(a) an item',
        'APPENDIX 1 – Forms',
        '1.1.1 Form paragraph.',
        'Attachment B',
        '2. Heading',
      ].join('\n');
      const doc = parseClauses(markdown);
      expect(doc.clauses.map((c) => [c.ref, c.level, c.parentRef])).to.deep.equal([
        ['1', 1, null],
        ['1.1.1', 3, '1'],
        ['Annex S-3', 1, null],
        ['Annex S-3 1.1', 3, 'Annex S-3'],
        ['Annex S-3 1.1(a)', 4, 'Annex S-3 1.1'],
        ['Appendix 1', 1, null],
        ['Appendix 1 1.1.1', 4, 'Appendix 1'],
        ['Attachment B', 1, null],
        ['Attachment B 2', 2, 'Attachment B'],
      ]);
      expect(doc.clauses.map((c) => c.heading).slice(2)).to.deep.equal([
        'Supplier Volume Allocation Rules',
        'First',
        null,
        'Forms',
        null,
        '',
        'Heading',
      ]);
    });

    it('canonicalises the keyword and upper-cases the identifier', () => {
      expect(refs('ANNEX X-1: A\n\nannex 2a - B\n\nAPPENDIX C\n\nAppendix 4.1: D')).to.deep.equal([
        'Annex X-1',
        'Annex 2A',
        'Appendix C',
        'Appendix 4.1',
      ]);
    });

    it('tolerates emphasis around an annex line', () => {
      expect(clause('**ANNEX S-1**: RULES', 'Annex S-1').heading).to.equal('RULES');
      expect(clause('**Appendix B Forms**', 'Appendix B').heading).to.equal('Forms');
    });

    it('does not mistake prose that starts with Annex or Appendix for an annex', () => {
      const markdown = [
        '1.1.1 Paragraph.',
        'Appendix A sets out the forms to be used.',
        'Annex to the Code',
        'Appendix A is attached',
        'Annexes are described elsewhere',
        '1.1.2 Next.',
      ].join('\n');
      expect(refs(markdown)).to.deep.equal(['1.1.1', '1.1.2']);
      expect(clause(markdown, '1.1.1').text.split('\n')).to.have.length(5);
    });
  });

  describe('lettered and roman items', () => {
    it('reads (i) straight after (h) as a letter, and as roman after any other letter', () => {
      const letters = 'abcdefgh'.split('').map((l) => `(${l}) item ${l};`);
      const markdown = [
        '1.1.1 List:',
        ...letters,
        '(i) letter i;',
        '(j) letter j:',
        '(i) one',
        '(ii) two',
      ];
      expect(refs(markdown.join('\n')).slice(8)).to.deep.equal([
        '1.1.1(h)',
        '1.1.1(i)',
        '1.1.1(j)',
        '1.1.1(j)(i)',
        '1.1.1(j)(ii)',
      ]);
    });

    it('applies the same rule to (v) after (u) and (x) after (w)', () => {
      const markdown = '2.1.1 List:\n(u) u\n(v) v\n(w) w\n(x) x\n(y) y';
      expect(refs(markdown)).to.deep.equal([
        '2.1.1',
        '2.1.1(u)',
        '2.1.1(v)',
        '2.1.1(w)',
        '2.1.1(x)',
        '2.1.1(y)',
      ]);
    });

    it('continues a roman list to (v) and (x) even under (u) and (w)', () => {
      const romans = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi'];
      const markdown = ['2.1.1 List:', '(u) u', ...romans.slice(0, 5), '(w) w', ...romans, 'x']
        .map((line, i) => (i > 1 && !line.startsWith('(') ? `(${line}) ${line}` : line))
        .join('\n');
      expect(refs(markdown).slice(1)).to.deep.equal([
        '2.1.1(u)',
        ...romans.slice(0, 5).map((r) => `2.1.1(u)(${r})`),
        '2.1.1(w)',
        ...romans.map((r) => `2.1.1(w)(${r})`),
        '2.1.1(x)',
      ]);
    });

    it('returns to the letter list after roman sub-items', () => {
      const markdown = '1.1.1 List:\n(a) a\n(i) one\n(ii) two\n(b) b\n(i) again';
      const doc = parseClauses(markdown);
      expect(doc.clauses.map((c) => [c.ref, c.parentRef, c.level])).to.deep.equal([
        ['1.1.1', null, 3],
        ['1.1.1(a)', '1.1.1', 4],
        ['1.1.1(a)(i)', '1.1.1(a)', 5],
        ['1.1.1(a)(ii)', '1.1.1(a)', 5],
        ['1.1.1(b)', '1.1.1', 4],
        ['1.1.1(b)(i)', '1.1.1(b)', 5],
      ]);
    });

    it('hangs roman items directly under a numbered clause when there is no letter', () => {
      expect(refs('3.1 Either:\n\n(i) this; or\n\n(ii) that.')).to.deep.equal([
        '3.1',
        '3.1(i)',
        '3.1(ii)',
      ]);
    });

    it('resets letters at each numbered clause', () => {
      expect(refs('1.1.1 X:\n(h) h\n1.1.2 Y:\n(i) one')).to.deep.equal([
        '1.1.1',
        '1.1.1(h)',
        '1.1.2',
        '1.1.2(i)',
      ]);
    });

    it('supports doubled letters and escaped or emphasised markers', () => {
      expect(refs('1.1.1 X:\n(z) z\n(aa) aa\n\\(bb\\) bb\n**(cc)** cc')).to.deep.equal([
        '1.1.1',
        '1.1.1(z)',
        '1.1.1(aa)',
        '1.1.1(bb)',
        '1.1.1(cc)',
      ]);
    });

    it('leaves items before any numbered clause in the preamble', () => {
      const doc = parseClauses('Intro:\n\n(a) first\n(b) second');
      expect(doc.clauses).to.deep.equal([]);
      expect(doc.preamble).to.contain('(a) first');
    });
  });

  describe('false positives', () => {
    it('ignores years, quantities and over-long components', () => {
      const markdown = [
        '1.1.1 The paragraph.',
        '2024 was a year',
        '10 MW is the limit',
        '1 Introduction',
        '1.2345 is not a clause number',
        '1234. is not either',
        '(see below) for details',
        '(ab) is not an item',
        '| 1.1 | table cell |',
        '- 1.2 bullet',
        '> 1.3 quoted',
      ].join('\n');
      expect(refs(markdown)).to.deep.equal(['1.1.1']);
      expect(clause(markdown, '1.1.1').text.split('\n')).to.have.length(11);
    });

    it('ignores numbers inside fenced code blocks', () => {
      const markdown = '1.1.1 Example:\n\n```\n1.2 not a clause\n(a) nor this\n```\n\n1.1.2 Next.';
      expect(refs(markdown)).to.deep.equal(['1.1.1', '1.1.2']);
      expect(clause(markdown, '1.1.1').text).to.contain('1.2 not a clause');
    });

    it('accepts top-level numbers only with a trailing dot or a heading', () => {
      expect(refs('1 GENERAL\n\n2. DEFINITIONS\n\n# 3 SCOPE\n\n4\\. ESCAPED')).to.deep.equal([
        '2',
        '3',
        '4',
      ]);
    });

    it('accepts multi-level numbers with or without a trailing dot', () => {
      expect(refs('1.1 A\n\n1.1.1. B.\n\n1.2. C\n\n1.2.1\tTabbed.')).to.deep.equal([
        '1.1',
        '1.1.1',
        '1.2',
        '1.2.1',
      ]);
    });
  });

  describe('heading-like clauses', () => {
    it('treats a short two-level line followed only by sub-clauses as a heading', () => {
      expect(clause('1.1 Introduction\n\n1.1.1 Text.', '1.1').heading).to.equal('Introduction');
    });

    it('treats a two-level line followed by continuation text as a paragraph', () => {
      const c = clause('1.1 Introduction\n\nSome text here.', '1.1');
      expect(c.heading).to.equal(null);
      expect(c.text).to.equal('Introduction\n\nSome text here.');
    });

    it('treats sentences and long lines as paragraphs', () => {
      const long = `1.2 ${'word '.repeat(20)}`;
      expect(clause('1.1 The Code applies. It binds parties', '1.1').heading).to.equal(null);
      expect(clause('1.1 This applies to:', '1.1').heading).to.equal(null);
      expect(clause(long, '1.2').heading).to.equal(null);
      expect(clause('1.1.1 Definitions', '1.1.1').heading).to.equal(null);
      expect(clause('1.1.1 Definitions', '1.1.1').text).to.equal('Definitions');
    });

    it('tolerates emphasis around the number or the whole line', () => {
      const markdown =
        '**1.** **GENERAL**\n\n**1.1** Introduction\n\n**1.2 Scope**\n\n*1.2.1* Text.';
      const doc = parseClauses(markdown);
      expect(doc.clauses.map((c) => [c.ref, c.heading, c.text])).to.deep.equal([
        ['1', 'GENERAL', ''],
        ['1.1', 'Introduction', ''],
        ['1.2', 'Scope', ''],
        ['1.2.1', null, 'Text.'],
      ]);
    });

    it('gives an empty heading to a bare number line', () => {
      const c = clause('1.\n\nText under one.', '1');
      expect(c.heading).to.equal('');
      expect(c.text).to.equal('Text under one.');
    });
  });

  describe('duplicate refs', () => {
    const markdown =
      '3.2 First.\n3.2.1 Child.\n3.2 Second.\n3.2.1 Child again.\n3.2 Third.\n3.2.2 Real.';
    const doc = parseClauses(markdown);

    it('suffixes later duplicates and parents children to the latest one', () => {
      expect(doc.clauses.map((c) => [c.ref, c.parentRef])).to.deep.equal([
        ['3.2', null],
        ['3.2.1', '3.2'],
        ['3.2 [2]', null],
        ['3.2.1 [2]', '3.2 [2]'],
        ['3.2 [3]', null],
        ['3.2.2', '3.2 [3]'],
      ]);
    });

    it('keeps anchors unique and lets unsuffixed refs keep their natural anchor', () => {
      const anchors = doc.clauses.map((c) => c.anchor);
      expect(new Set(anchors).size).to.equal(anchors.length);
      expect(doc.clauses.find((c) => c.ref === '3.2.2')?.anchor).to.equal('clause-3-2-2');
      expect(doc.clauses.find((c) => c.ref === '3.2 [2]')?.anchor).to.equal('clause-3-2-2-2');
    });

    it('suffixes duplicate annexes and their clauses', () => {
      expect(refs('Annex A\n1.1 X\nAnnex A\n1.1 Y')).to.deep.equal([
        'Annex A',
        'Annex A 1.1',
        'Annex A [2]',
        'Annex A 1.1 [2]',
      ]);
    });
  });

  it('handles CRLF and CR line endings like LF', () => {
    const lf = parseClauses(SAMPLE);
    expect(parseClauses(SAMPLE.replace(/\n/g, '\r\n'))).to.deep.equal(lf);
    expect(parseClauses(SAMPLE.replace(/\n/g, '\r'))).to.deep.equal(lf);
    expect(JSON.stringify(parseClauses(SAMPLE.replace(/\n/g, '\r\n')))).not.to.contain('\\r');
  });

  describe('title and preamble', () => {
    it('keeps text before the first clause as preamble', () => {
      const doc = parseClauses('# Title\n\nFirst para.\n\nSecond para.\n\n1. GENERAL');
      expect(doc.title).to.equal('Title');
      expect(doc.preamble).to.equal('First para.\n\nSecond para.');
    });

    it('has no title when the document opens with a sentence or a clause', () => {
      expect(parseClauses('This document explains things.\n\n1. A').title).to.equal(null);
      expect(parseClauses('This document explains things.\n\n1. A').preamble).to.equal(
        'This document explains things.',
      );
      expect(parseClauses('1. GENERAL\n\nText.').title).to.equal(null);
      expect(parseClauses('A line\nthat wraps\n\n1. A').title).to.equal(null);
    });

    it('recognises a setext title and a BOM', () => {
      const doc = parseClauses('\uFEFFREC Schedule 5\n===\n\nIntro.\n\n1. Scope');
      expect(doc.title).to.equal('REC Schedule 5');
      expect(doc.preamble).to.equal('Intro.');
    });

    it('parses a document without clauses into title and preamble only', () => {
      expect(parseClauses('# Notes\n\nJust prose.')).to.deep.equal({
        title: 'Notes',
        preamble: 'Just prose.',
        clauses: [],
      });
    });
  });

  describe('continuation lines', () => {
    it('keeps tables, lists and blank lines in the clause text', () => {
      const markdown = [
        '1.1.1 The values are:',
        '',
        '| Code | Meaning |',
        '| --- | --- |',
        '| A | Active |',
        '',
        '- first bullet',
        '- second bullet',
        '',
        '',
        '1.1.2 Next.',
      ].join('\n');
      expect(clause(markdown, '1.1.1').text).to.equal(
        'The values are:\n\n| Code | Meaning |\n| --- | --- |\n| A | Active |\n\n- first bullet\n- second bullet',
      );
      expect(clause(markdown, '1.1.2').line).to.equal(11);
    });

    it('gives continuation text to the most recent clause, including items', () => {
      const c = clause('1.1.1 X:\n\n(a) first part\ncontinued here\n\nmore for (a)', '1.1.1(a)');
      expect(c.text).to.equal('first part\ncontinued here\n\nmore for (a)');
    });
  });

  it('returns an empty document for empty or blank input', () => {
    const empty = { title: null, preamble: '', clauses: [] };
    expect(parseClauses('')).to.deep.equal(empty);
    expect(parseClauses('\n\n  \r\n\t')).to.deep.equal(empty);
  });

  it('keeps its invariants on arbitrary mixes of clause-like lines', () => {
    const line = fc.oneof(
      fc.constantFrom(
        ...['1. GENERAL', '1.1 Intro', '1.1.1 Text.', '3.2 dup', '**1.2** x', '## 2.3 H', '# 1'],
        ...['(a) a', '(h) h', '(i) i', '(ii) ii', '(v) v', '\\(b\\) y', '(zz) z'],
        ...['ANNEX S-3: X', 'Appendix A', '```', '# Title', '', 'plain text', '2024 was'],
      ),
      fc.string({ maxLength: 20 }),
    );
    const document = fc.tuple(fc.array(line, { maxLength: 40 }), fc.constantFrom('\n', '\r\n'));
    fc.assert(
      fc.property(document, ([lines, eol]) => {
        const { clauses } = parseClauses(lines.join(eol));
        const seen = new Map<string, number>();
        const anchors = new Set<string>();
        let previousLine = 0;
        for (const c of clauses) {
          expect(seen.has(c.ref), c.ref).to.equal(false);
          expect(anchors.has(c.anchor), c.anchor).to.equal(false);
          expect(c.anchor).to.match(/^clause(-[a-z0-9]+)*$/);
          expect(c.line).to.be.greaterThan(previousLine);
          expect(c.level).to.be.at.least(1);
          if (c.parentRef !== null) expect(seen.get(c.parentRef)).to.be.lessThan(c.level);
          seen.set(c.ref, c.level);
          anchors.add(c.anchor);
          previousLine = c.line;
        }
      }),
      { numRuns: 300 },
    );
  });

  describe('numbering sequence', () => {
    const PART_5 = [
      '5. ESTIMATION',
      '',
      '5.3 Estimated volumes',
      '',
      '5.3.1 Where no metered data is available, the SVAA shall estimate the volume.',
      '',
      '5.3.2 The Supplier shall ensure that the estimated volume shall not exceed',
      '2.5 per cent of the metered volume for that Settlement Period.',
      '',
      '5.3.3 The SVAA shall report each estimate to the Panel.',
    ].join('\n');

    it('keeps a wrapped line that starts with a decimal in the clause it continues', () => {
      const doc = parseClauses(PART_5);
      expect(doc.clauses.map((c) => c.ref)).to.deep.equal(['5', '5.3', '5.3.1', '5.3.2', '5.3.3']);
      expect(clause(PART_5, '5.3.2').text).to.equal(
        'The Supplier shall ensure that the estimated volume shall not exceed\n' +
          '2.5 per cent of the metered volume for that Settlement Period.',
      );
      expect(doc.notes).to.deep.equal([
        'Line 8: "2.5 per cent of the metered volume for ..." kept as text of 5.3.2: out of sequence',
      ]);
    });

    it('keeps a wrapped line as text even when its number would come next', () => {
      const markdown = [
        '5.3.2 The Supplier shall ensure that the estimated volume shall not exceed',
        '5.4 per cent of the metered volume, or',
        '7.5 MW where the Metering System is Half Hourly.',
        '',
        '5.3.3 The SVAA shall report each estimate.',
      ].join('\n');
      expect(refs(markdown)).to.deep.equal(['5.3.2', '5.3.3']);
      expect(clause(markdown, '5.3.2').text.split('\n')).to.have.length(3);
      expect(parseClauses(markdown).notes).to.deep.equal([
        'Line 2: "5.4 per cent of the metered volume, or" kept as text of 5.3.2: continues the previous line',
        'Line 3: "7.5 MW where the Metering System is Half ..." kept as text of 5.3.2: continues the previous line',
      ]);
    });

    it('reads four-digit components, so clause 1.1000 follows 1.999', () => {
      const markdown = [
        '1.998 "Volume" means the metered volume.',
        '1.999 "Year" means a calendar year.',
        '1.1000 "Zone" means a GSP Group.',
        '1.1001 "Zones" has a corresponding meaning.',
      ].join('\n');
      expect(refs(markdown)).to.deep.equal(['1.998', '1.999', '1.1000', '1.1001']);
      expect(clause(markdown, '1.999').text).to.equal('"Year" means a calendar year.');
      expect(clause(markdown, '1.1000').text).to.equal('"Zone" means a GSP Group.');
    });

    it('keeps years as text, after a clause and before any', () => {
      const markdown = [
        'Issued by the Panel.',
        '',
        '2025. Review',
        '',
        '5.3.2 The Panel reviewed these arrangements.',
        '',
        '2025. Review outcome',
        '',
        '5.3.3 The next review is due within three years.',
      ].join('\n');
      const doc = parseClauses(markdown);
      expect(doc.clauses.map((c) => c.ref)).to.deep.equal(['5.3.2', '5.3.3']);
      expect(doc.preamble).to.equal('Issued by the Panel.\n\n2025. Review');
      expect(clause(markdown, '5.3.2').text).to.equal(
        'The Panel reviewed these arrangements.\n\n2025. Review outcome',
      );
      expect(doc.notes?.map((n) => n.replace(/^.*: /, ''))).to.deep.equal([
        'looks like a year',
        'out of sequence',
      ]);
    });

    it('accepts every strictly expected successor, at any level', () => {
      const markdown = [
        '5.3.2 The Supplier shall:',
        '5.3.3 The SVAA shall:',
        '5.3.3.1 in each case;',
        '5.4 The BSCCo shall act.',
        '5.4.1 Text.',
        '6. ALLOCATION',
        '6.1.1 Text.',
        '7. FINAL',
      ].join('\n');
      expect(refs(markdown)).to.deep.equal([
        '5.3.2',
        '5.3.3',
        '5.3.3.1',
        '5.4',
        '5.4.1',
        '6',
        '6.1.1',
        '7',
      ]);
    });

    it('accepts a lower-case clause at the start of a paragraph but not mid-sentence', () => {
      const markdown = [
        '1.1.1 "Supplier" means a person that is:',
        '',
        '1.1.2 licensed under the Act; and',
        '',
        '1.1.3 a Party to the Code, other than the',
        '1.1.4 holder of an exemption.',
      ].join('\n');
      expect(refs(markdown)).to.deep.equal(['1.1.1', '1.1.2', '1.1.3']);
    });

    it('accepts a skipped number only when it does not look like a wrapped line', () => {
      const accepted = [
        '5.3.2 The Supplier shall notify:',
        '(a) the SVAA; and',
        '5.3.5 The SVAA shall confirm receipt.',
        '',
        '5.5 Reporting',
        '',
        '5.5.1 The SVAA shall report.',
      ].join('\n');
      expect(refs(accepted)).to.deep.equal(['5.3.2', '5.3.2(a)', '5.3.5', '5.5', '5.5.1']);
      const rejected = [
        '5.3.2 The Supplier shall notify the SVAA of the',
        '5.3.5 Metering Systems affected.',
        '',
        '5.3.8 per cent of them are affected.',
      ].join('\n');
      expect(refs(rejected)).to.deep.equal(['5.3.2']);
      expect(parseClauses(rejected).notes?.map((n) => n.replace(/^.*: /, ''))).to.deep.equal([
        'continues the previous line',
        'starts in lower case',
      ]);
    });

    it('keeps a step back or a large jump as text unless the next number confirms it', () => {
      const markdown = [
        '5.3.2 The volume is calculated as follows.',
        '',
        '1.5 Times the Line Loss Factor applies.',
        '',
        '60.2 Megawatts is the cap.',
        '',
        '5.3.3 The SVAA shall publish it.',
      ].join('\n');
      expect(refs(markdown)).to.deep.equal(['5.3.2', '5.3.3']);
      expect(clause(markdown, '5.3.2').text.split('\n\n')).to.have.length(3);
    });

    it('accepts numbering that starts over when the next number follows on', () => {
      const markdown = [
        '1. GENERAL',
        '1.1.1 Part one applies.',
        '2. ALLOCATION',
        '2.1.1 Volumes are allocated.',
        '',
        'PART TWO',
        '',
        '1. GENERAL',
        '1.1.1 Part two applies.',
      ].join('\n');
      expect(refs(markdown)).to.deep.equal(['1', '1.1.1', '2', '2.1.1', '1 [2]', '1.1.1 [2]']);
      expect(parseClauses(markdown)).not.to.have.property('notes');
    });

    it('does not accept a restart that continues a sentence', () => {
      const markdown = [
        '2.1.1 Volumes are allocated in proportion to the',
        '1.1 factor set for each GSP Group.',
        '1.1.1 Part two applies.',
        '1.1.2 It binds each Party.',
      ].join('\n');
      expect(refs(markdown)).to.deep.equal(['2.1.1', '1.1.1', '1.1.2']);
      expect(clause(markdown, '2.1.1').text).to.contain('\n1.1 factor set');
    });

    it('always accepts a numbered Markdown heading and restarts the sequence at an annex', () => {
      const markdown = [
        '5.3.2 The Supplier shall ensure that the estimated volume shall not exceed',
        '## 2.5 Per cent limits',
        '2.5.1 The limit applies.',
        'ANNEX S-1: ESTIMATION',
        '1.5 Estimates',
      ].join('\n');
      expect(refs(markdown)).to.deep.equal(['5.3.2', '2.5', '2.5.1', 'Annex S-1', 'Annex S-1 1.5']);
    });

    it('keeps lettered items under the clause a rejected number was folded into', () => {
      const markdown = [
        '5.3.2 The Supplier shall ensure that the estimated volume shall not exceed',
        '2.5 per cent of the metered volume where:',
        '(a) the Metering System is faulty; or',
        '(b) no data is received.',
      ].join('\n');
      expect(refs(markdown)).to.deep.equal(['5.3.2', '5.3.2(a)', '5.3.2(b)']);
    });

    it('lists at most 20 notes', () => {
      const paragraph = (n: number) => [
        `1.${n} The Supplier shall ensure that the estimated volume shall not exceed`,
        `${n + 1}.5 per cent of the metered volume.`,
      ];
      const markdown = Array.from({ length: 25 }, (_, i) => paragraph(i + 1))
        .flat()
        .join('\n');
      const doc = parseClauses(markdown);
      expect(doc.clauses).to.have.length(25);
      expect(doc.notes).to.have.length(20);
      expect(doc.notes?.[0]).to.match(/^Line 2: "2\.5 per cent of the metered volume\." kept/);
    });

    it('parses strictly numbered documents exactly, whatever wraps onto a new line', () => {
      const step = fc.record({ level: fc.nat(3), wrapped: fc.option(fc.nat(9999)) });
      fc.assert(
        fc.property(fc.array(step, { minLength: 1, maxLength: 30 }), (steps) => {
          const path: number[] = [];
          const lines: string[] = [];
          const expected: string[] = [];
          for (const { level, wrapped } of steps) {
            const depth = Math.min(level, path.length);
            path.length = depth + 1;
            path[depth] = (path[depth] ?? 0) + 1;
            const ref = path.join('.');
            expected.push(ref);
            lines.push(`${ref}${path.length === 1 ? '.' : ''} The Party shall not exceed`);
            if (wrapped !== null) lines.push(`${wrapped / 10} per cent of the volume.`);
            else lines.push('the limit.');
          }
          expect(refs(lines.join('\n'))).to.deep.equal(expected);
        }),
        { numRuns: 300 },
      );
    });
  });

  describe('a 5 MB document', () => {
    const sentence =
      'the Supplier shall provide the Half Hourly metered data to the Supplier Volume Allocation Agent in respect of each Settlement Day';
    const filler = Array.from({ length: 19 }, () => sentence).join(' ');
    const wrapped = filler.match(/(?:\S+\s+){0,11}\S+/g) ?? [];
    const lines = ['SECTION Z: GENERATED', '', '1. GENERAL', ''];
    const expected = ['1'];
    for (let n = 1; n <= 2000; n++) {
      lines.push(
        `1.${n} The Supplier shall ensure that the estimated volume shall not exceed`,
        '2.5 per cent of the metered volume for that Settlement Period, and',
        ...wrapped,
        '',
      );
      expected.push(`1.${n}`);
    }
    const markdown = lines.join('\n');

    it('gives each of clauses 1.1 to 1.2000 its own text', () => {
      expect(markdown.length).to.be.greaterThan(5_000_000);
      const doc = parseClauses(markdown);
      expect(doc.clauses.map((c) => c.ref)).to.deep.equal(expected);
      const lineCounts = new Set(doc.clauses.slice(1).map((c) => c.text.split('\n').length));
      expect([...lineCounts]).to.deep.equal([2 + wrapped.length]);
      expect(doc.clauses[1000]?.text).to.match(/^The Supplier .* exceed\n2\.5 per cent of/);
      expect(doc.notes).to.have.length(20);
    });
  });

  describe('a large generated document', () => {
    const lines: string[] = ['SECTION Z: GENERATED', ''];
    const expected: string[] = [];
    const filler =
      'The Party shall comply with the requirements set out in this paragraph and the Code. ';
    for (let s = 1; expected.length < 2000; s++) {
      lines.push(`${s}. SECTION ${s}`, '');
      expected.push(`${s}`);
      for (let p = 1; p <= 9 && expected.length < 2000; p++) {
        lines.push(`${s}.${p} Heading ${p}`, '');
        expected.push(`${s}.${p}`);
        for (let q = 1; q <= 3 && expected.length < 2000; q++) {
          lines.push(`${s}.${p}.${q} ${filler.repeat(2)}`, filler.repeat(2), '');
          expected.push(`${s}.${p}.${q}`);
          if (q === 3 && expected.length < 1999) {
            lines.push('(a) first item;', '(b) second item.', '');
            expected.push(`${s}.${p}.${q}(a)`, `${s}.${p}.${q}(b)`);
          }
        }
      }
    }
    const markdown = lines.join('\n');

    it('finds all 2,000 clauses in order', () => {
      expect(markdown.length).to.be.greaterThan(340_000);
      const doc = parseClauses(markdown);
      expect(doc.clauses.map((c) => c.ref)).to.deep.equal(expected);
      expect(doc.clauses[2]?.text).to.equal(
        `${filler.repeat(2).trim()}\n${filler.repeat(2)}`.trim(),
      );
    });
  });
});
