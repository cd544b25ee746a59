import { expect } from 'chai';
import { clauseSuccessors } from '../../../server/domain/alignClauses.js';
import { parseClauses } from '../../../server/domain/parseClauses.js';
import { computeRedline, redlineDocumentHtml } from '../../../server/domain/redline.js';

// Each case is one of the failures seen on real legal text (issue 8), on short Section-S-style
// drafts; the corpus tests (alignClauses.corpus.test.ts) hold the same cases on a full section.

const HH =
  'The Supplier shall ensure that its Half Hourly Data Collector complies with BSCP502 in relation to the SVA Metering System.';
const NHH =
  'The Supplier shall ensure that its Non Half Hourly Data Collector complies with BSCP504 in relation to the SVA Metering System.';
const MOA =
  'The Supplier shall ensure that its Meter Operator Agent complies with BSCP514 in relation to the SVA Metering System.';
const SDS =
  'The Supplier shall ensure that its Smart Data Service complies with BSCP503 in relation to the SVA Metering System.';

/** `1. GENERAL` then `1.1`, `1.2`, ... one per paragraph. */
const section = (paragraphs: string[]) =>
  [
    'SECTION S: SUPPLIER VOLUME ALLOCATION',
    '',
    '1. GENERAL',
    '',
    ...paragraphs.flatMap((p, i) => [`1.${i + 1} ${p}`, '']),
  ].join('\n');

function compare(before: string, after: string) {
  const from = parseClauses(before).clauses;
  const to = parseClauses(after).clauses;
  const redline = computeRedline(from, to);
  const mapping = redline.mapping.map((m) => `${m.fromRef ?? '-'} > ${m.toRef ?? '-'} ${m.change}`);
  const successors = Object.fromEntries(
    [...clauseSuccessors(from, to)].map(([ref, s]) => [
      ref,
      `${s.ref ?? '-'}${s.textChanged ? ' (text changed)' : ''}`,
    ]),
  );
  return { redline, mapping, successors };
}

describe('clause alignment on legal text', () => {
  it('pairs boilerplate neighbours with their true partners after an insertion above them', () => {
    const lightly = (text: string) => text.replace('complies with', 'at all times complies with');
    const { mapping, successors, redline } = compare(
      section([HH, NHH, MOA]),
      section([SDS, lightly(HH), lightly(NHH), MOA]),
    );
    expect(mapping).to.deep.equal([
      '1 > 1 unchanged',
      '- > 1.1 added',
      '1.1 > 1.2 modified',
      '1.2 > 1.3 modified',
      '1.3 > 1.4 renumbered',
    ]);
    expect(successors).to.deep.equal({
      '1': '1',
      '1.1': '1.2 (text changed)',
      '1.2': '1.3 (text changed)',
      '1.3': '1.4',
    });
    // No obligation swapped: the Non Half Hourly clause keeps "Non" and BSCP504.
    const nhh = redline.clauses.find((c) => c.ref === '1.3');
    expect(nhh?.html).to.not.include('<del>');
    expect(nhh?.html).to.include('<ins>at all times </ins>');
  });

  it('keeps a deleted clause removed and the clause that took its number edited', () => {
    const { mapping, successors } = compare(
      section([HH, NHH, MOA]),
      section([NHH.replace('the SVA', 'each SVA'), MOA]),
    );
    expect(mapping).to.deep.equal([
      '1 > 1 unchanged',
      '1.1 > - removed',
      '1.2 > 1.1 modified',
      '1.3 > 1.2 renumbered',
    ]);
    expect(successors['1.1']).to.equal('- (text changed)');
    expect(successors['1.2']).to.equal('1.1 (text changed)');
  });

  it('treats a lone clause rewritten between matched neighbours as modified, below a renumbering', () => {
    const before = section([
      'The SVAA shall calculate Supplier deemed take for each Settlement Period.',
      HH,
      'The SVAA shall send the Supplier Purchase Matrix to each Supplier daily.',
      MOA,
    ]);
    const after = section([
      'This paragraph is new and explains Market-wide Half Hourly Settlement.',
      'The SVAA shall calculate Supplier deemed take for each Settlement Period.',
      HH,
      'Reports under this paragraph go to the Panel in writing each month.',
      MOA,
    ]);
    const { mapping, successors } = compare(before, after);
    expect(mapping).to.include('1.3 > 1.4 modified');
    expect(successors['1.3']).to.equal('1.4 (text changed)');
  });

  it('pairs short list items under a renumbered parent by their letter', () => {
    const items = (a: string, b: string) =>
      [
        '1. GENERAL',
        '',
        '1.1 Agents',
        '',
        ...(a.includes('Metering Service')
          ? ['1.1.1 Suppliers appoint agents under BSCP537.', '']
          : []),
        `1.1.${a.includes('Metering Service') ? 2 : 1} Each Supplier shall appoint:`,
        '',
        `(a) ${a}`,
        '',
        `(b) ${b}`,
        '',
        '(c) a Data Aggregator.',
      ].join('\n');
    const { mapping, successors } = compare(
      items('a Meter Operator Agent;', 'a Data Collector; and'),
      items('a Metering Service;', 'a Data Service; and'),
    );
    expect(mapping).to.deep.equal([
      '1 > 1 unchanged',
      '1.1 > 1.1 unchanged',
      '- > 1.1.1 added',
      '1.1.1 > 1.1.2 renumbered',
      '1.1.1(a) > 1.1.2(a) modified',
      '1.1.1(b) > 1.1.2(b) modified',
      '1.1.1(c) > 1.1.2(c) renumbered',
    ]);
    expect(successors['1.1.1(a)']).to.equal('1.1.2(a) (text changed)');
  });

  it('removes the identical clause that was deleted, not the first of its kind', () => {
    const { mapping, successors } = compare(
      section([HH, 'Not used.', NHH, 'Not used.', MOA]),
      section([HH, NHH, 'Not used.', MOA]),
    );
    expect(mapping).to.deep.equal([
      '1 > 1 unchanged',
      '1.1 > 1.1 unchanged',
      '1.2 > - removed',
      '1.3 > 1.2 renumbered',
      '1.4 > 1.3 renumbered',
      '1.5 > 1.4 renumbered',
    ]);
    expect(successors['1.2']).to.equal('- (text changed)');
    expect(successors['1.4']).to.equal('1.3');
  });

  it('lets a clause merged into its neighbour take its comments to the merged clause', () => {
    const { mapping, successors, redline } = compare(
      section([
        'The SVAA shall publish the Supplier Volume Report.',
        'The report shall include every Settlement Period of the month.',
        MOA,
      ]),
      section([
        'The SVAA shall publish the Supplier Volume Report, which shall include every Settlement Period of the month.',
        MOA,
      ]),
    );
    expect(mapping).to.deep.equal([
      '1 > 1 unchanged',
      '1.1 > 1.1 modified',
      '1.2 > - removed',
      '1.3 > 1.2 renumbered',
    ]);
    expect(successors['1.2']).to.equal('1.1 (text changed)');
    expect(redline.clauses.find((c) => c.change === 'removed')?.mergedInto).to.equal('1.1');
  });

  it('lets a split clause keep its comments on its first part', () => {
    const { mapping, successors, redline } = compare(
      section([
        'The SVAA shall publish the Supplier Volume Report to every Supplier. The report shall include every Settlement Period of the month concerned.',
        MOA,
      ]),
      section([
        'The SVAA shall publish the Supplier Volume Report to every Supplier.',
        'The report shall include every Settlement Period of the month concerned.',
        MOA,
      ]),
    );
    expect(mapping).to.deep.equal([
      '1 > 1 unchanged',
      '1.1 > 1.1 modified',
      '- > 1.2 added',
      '1.2 > 1.3 renumbered',
    ]);
    expect(successors['1.1']).to.equal('1.1 (text changed)');
    expect(redline.clauses.find((c) => c.ref === '1.2')?.splitFrom).to.equal('1.1');
  });

  it('diffs punctuation as its own word', () => {
    const { redline } = compare(
      section(['Where a meter reading is not available.']),
      section(['Where a meter reading is not available by the Data Collection Deadline.']),
    );
    const clause = redline.clauses.find((c) => c.ref === '1.1');
    expect(clause?.html).to.not.include('<del>');
    expect(clause?.html).to.equal(
      'Where a meter reading is not available<ins> by the Data Collection Deadline</ins>.',
    );
  });

  it('reports renumbering apart from moves, and marks where a moved clause stood', () => {
    const part = (n: number, title: string, paragraphs: string[]) => [
      `${n}. ${title}`,
      '',
      ...paragraphs.flatMap((p, i) => [`${n}.${i + 1} ${p}`, '']),
    ];
    const general = ['This Section sets out Supplier Volume Allocation.', HH, NHH];
    const allocation = [
      'The SVAA shall allocate volumes daily.',
      MOA,
      'The Panel may direct a re-run of allocation.',
    ];
    const newPart = ['Suppliers shall register each Metering System.', SDS];
    const before = [...part(1, 'GENERAL', general), ...part(2, 'ALLOCATION', allocation)].join(
      '\n',
    );
    const inserted = [
      ...part(1, 'GENERAL', general),
      ...part(2, 'REGISTRATION', newPart),
      ...part(3, 'ALLOCATION', allocation),
    ].join('\n');
    const renumbering = compare(before, inserted).redline;
    expect(renumbering.stats).to.include({
      added: 3,
      renumbered: 4,
      moved: 0,
      modified: 0,
      removed: 0,
      unchanged: 4,
    });

    // The Meter Operator Agent clause moves up into Part 1.
    const moved = [
      ...part(1, 'GENERAL', [...general, MOA]),
      ...part(2, 'ALLOCATION', [allocation[0] as string, allocation[2] as string]),
    ].join('\n');
    const { redline, mapping } = compare(before, moved);
    expect(mapping).to.include('2.2 > 1.4 moved');
    expect(mapping).to.include('2.3 > 2.2 renumbered');
    expect(redline.stats).to.include({ moved: 1, renumbered: 1, added: 0, removed: 0 });
    expect(redline.movedAway).to.deep.equal([{ fromRef: '2.2', toRef: '1.4', at: 7 }]);
    const html = redlineDocumentHtml(redline);
    expect(html.indexOf('redline-moved-away')).to.be.greaterThan(html.indexOf('data-ref="2.1"'));
    expect(html).to.include('(moved to 1.4)');
  });

  it('compares a 32,000-word clause in bounded work, exactly, saying it was coarse', () => {
    const vocabulary = HH.split(' ');
    const words = Array.from({ length: 32_000 }, (_, i) => vocabulary[(i * 7) % vocabulary.length]);
    const edited = words.map((w, i) => (i % 10 < 3 ? `${w}x` : w));
    const sentences = (list: (string | undefined)[]) =>
      list.map((w, i) => (i % 20 === 19 ? `${w}.` : w)).join(' ');
    const { redline } = compare(section([sentences(words)]), section([sentences(edited)]));
    const clause = redline.clauses.find((c) => c.ref === '1.1');
    expect(clause?.change).to.equal('modified');
    const rebuilt = (skip: string) =>
      clause?.parts
        .filter((p) => p.op !== skip)
        .map((p) => p.text)
        .join('');
    expect(rebuilt('insert')).to.equal(sentences(words));
    expect(rebuilt('delete')).to.equal(sentences(edited));
    expect(redline.stats.wordsInserted).to.be.at.least(9600);
  });
});
