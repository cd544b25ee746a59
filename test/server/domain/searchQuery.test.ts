import { expect } from 'chai';
import {
  highlightPlain,
  parseSearchQuery,
  toFts5,
  toTsquery,
} from '../../../server/domain/searchQuery.js';

describe('search query language', () => {
  it('reads words, quoted phrases and prefixes, and nothing else', () => {
    const terms = parseSearchQuery('Data "half hourly" settlem* OR (x) 2.1.3 "unclosed');
    expect(terms).to.deep.equal([
      { words: ['data'], prefix: false },
      { words: ['half', 'hourly'], prefix: false },
      { words: ['settlem'], prefix: true },
      { words: ['or'], prefix: false },
      { words: ['x'], prefix: false },
      { words: ['2', '1', '3'], prefix: false },
      { words: ['unclosed'], prefix: false },
    ]);
    expect(toFts5(terms)).to.equal(
      '"data" AND "half hourly" AND ("settlem" * OR "settle" OR "settl" OR "sett") AND "or" AND "x" AND "2 1 3" AND "unclosed"',
    );
    expect(toTsquery(terms)).to.equal(
      'data & (half <-> hourly) & (settlem:* | settle | settl | sett) & or & x & (2 <-> 1 <-> 3) & unclosed',
    );
  });

  it('finds no terms in punctuation', () => {
    expect(parseSearchQuery('"" * - & | !')).to.deep.equal([]);
  });

  it('highlights plain text around the first hit', () => {
    const parts = highlightPlain(`${'word '.repeat(100)}the Data Collector acts`, [
      { words: ['data', 'collector'], prefix: false },
    ]);
    expect(parts[0]?.text.startsWith('…')).to.equal(true);
    expect(parts.filter((p) => p.hit).map((p) => p.text)).to.deep.equal(['Data Collector']);
  });

  it('marks a phrase only where its words are together, and other forms of a word', () => {
    const text =
      'The Data Collectors shall send data to the Collector; each Half Hourly Data Collector: estimates.';
    const hits = (q: string) =>
      highlightPlain(text, parseSearchQuery(q))
        .filter((p) => p.hit)
        .map((p) => p.text);
    expect(hits('"data collector"')).to.deep.equal(['Data Collectors', 'Data Collector']);
    expect(hits('estimate')).to.deep.equal(['estimates']);
    expect(hits('collect*')).to.deep.equal(['Collectors', 'Collector', 'Collector']);
    // No stem shorter than three letters: "data" does not mark "date".
    expect(highlightPlain('the date of the data', parseSearchQuery('data'))).to.deep.equal([
      { text: 'the date of the ', hit: false },
      { text: 'data', hit: true },
    ]);
  });
});
