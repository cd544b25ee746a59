import { expect } from 'chai';
import fc from 'fast-check';
import { findMatches, foldText, originalOffset } from '../../../client/src/artefact/findMatches.js';

const CLAUSE_2_1_10 = [
  '2.1.10 Each Supplier shall ensure that the Half Hourly Data Collector appointed in respect',
  'of a Metering System submits validated data to the Supplier Volume Allocation Agent (SVAA)',
  'for each Settlement Period; where the HALF HOURLY DATA COLLECTOR  fails to do so, the',
  'Supplier’s Data Aggregator shall estimate the data.',
].join('\n');

const found = (text: string, query: string, limit?: number) =>
  findMatches(text, query, limit).map((m) => text.slice(m.start, m.end));

describe('findMatches', () => {
  it('finds every occurrence whatever its case, in order, as the text shows it', () => {
    expect(found(CLAUSE_2_1_10, 'half hourly data collector')).to.deep.equal([
      'Half Hourly Data Collector',
      'HALF HOURLY DATA COLLECTOR',
    ]);
    expect(found(CLAUSE_2_1_10, 'SVAA')).to.deep.equal(['SVAA']);
    expect(found(CLAUSE_2_1_10, 'Data Processor')).to.deep.equal([]);
  });

  it('matches across line breaks and runs of spaces, covering exactly the characters shown', () => {
    expect(found(CLAUSE_2_1_10, 'in respect of a metering system')).to.deep.equal([
      'in respect\nof a Metering System',
    ]);
    expect(found(CLAUSE_2_1_10, 'collector fails')).to.deep.equal(['COLLECTOR  fails']);
    // A query of several spaces is one space, as the text's are.
    expect(found(CLAUSE_2_1_10, 'data   collector')).to.have.length(2);
  });

  it('treats curly and straight quotes alike', () => {
    expect(found(CLAUSE_2_1_10, "supplier's data aggregator")).to.deep.equal([
      'Supplier’s Data Aggregator',
    ]);
  });

  it('keeps offsets exact after a letter whose lower case is longer', () => {
    const text = 'İnterim Settlement Period İİ and Settlement Period';
    expect(found(text, 'settlement period')).to.deep.equal([
      'Settlement Period',
      'Settlement Period',
    ]);
    expect(findMatches(text, 'settlement period').map((m) => m.start)).to.deep.equal([8, 33]);
  });

  it('does not overlap matches, and stops at the limit', () => {
    expect(found('aaaa', 'aa')).to.deep.equal(['aa', 'aa']);
    expect(found('aaa', 'aa')).to.deep.equal(['aa']);
    expect(found(CLAUSE_2_1_10, 'data', 2)).to.deep.equal(['Data', 'data']);
    expect(found(CLAUSE_2_1_10, 'data', 0)).to.deep.equal([]);
  });

  it('finds nothing for a query shorter than two characters', () => {
    expect(found(CLAUSE_2_1_10, '')).to.deep.equal([]);
    expect(found(CLAUSE_2_1_10, 'a')).to.deep.equal([]);
    expect(found(CLAUSE_2_1_10, ' a ')).to.deep.equal([]);
    expect(found(CLAUSE_2_1_10, '   ')).to.deep.equal([]);
    expect(found(CLAUSE_2_1_10, '(s')).to.deep.equal(['(S']);
  });

  it('searches text folded once as it does the raw text', () => {
    const folded = foldText(CLAUSE_2_1_10);
    expect(findMatches(folded, 'settlement')).to.deep.equal(
      findMatches(CLAUSE_2_1_10, 'settlement'),
    );
  });

  it('agrees with a character-by-character search over any text of words and spaces', () => {
    const word = fc.constantFrom('Data', 'data', 'Collector', 'SVAA', 'period', 'a', '’s', "'s");
    const space = fc.constantFrom(' ', '  ', '\n', ' \n ', '\u00a0', '\t');
    const text = fc
      .array(fc.tuple(word, space), { maxLength: 30 })
      .map((parts) => parts.map(([w, s]) => w + s).join(''));
    const query = fc
      .array(word, { minLength: 1, maxLength: 3 })
      .map((words) => words.join(' '))
      .filter((q) => q.length >= 2);
    fc.assert(
      fc.property(text, query, (t, q) => {
        expect(findMatches(t, q)).to.deep.equal(naiveMatches(t, q));
      }),
    );
  });

  it('maps folded offsets back past each collapsed run', () => {
    const folded = foldText('a  b\n\n\nc');
    expect(folded.text).to.equal('a b c');
    expect([0, 1, 2, 3, 4, 5].map((o) => originalOffset(folded, o))).to.deep.equal([
      0, 1, 3, 4, 7, 8,
    ]);
  });
});

// The specification, written the slow and obvious way: fold character by character, keeping
// each folded character's original offset, then look for the folded query left to right.
function naiveFold(text: string): { folded: string; from: number[] } {
  let folded = '';
  const from: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      if (!folded.endsWith(' ')) {
        folded += ' ';
        from.push(i);
      }
    } else {
      folded += ch === '’' ? "'" : ch.toLowerCase();
      from.push(i);
    }
  }
  from.push(text.length);
  return { folded, from };
}

function naiveMatches(text: string, query: string) {
  const { folded, from } = naiveFold(text);
  const needle = naiveFold(query).folded;
  const matches = [];
  for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + needle.length)) {
    matches.push({ start: from[at], end: from[at + needle.length] });
  }
  return matches;
}
