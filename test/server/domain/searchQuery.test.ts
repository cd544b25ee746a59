import { expect } from 'chai';
import {
  HIT_END,
  HIT_START,
  highlightPlain,
  parseSearchQuery,
  snippetParts,
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
      '"data" AND "half hourly" AND "settlem" * AND "or" AND "x" AND "2 1 3" AND "unclosed"',
    );
    expect(toTsquery(terms)).to.equal(
      'data & (half <-> hourly) & settlem:* & or & x & (2 <-> 1 <-> 3) & unclosed',
    );
  });

  it('finds no terms in punctuation', () => {
    expect(parseSearchQuery('"" * - & | !')).to.deep.equal([]);
  });

  it('splits highlighted text into parts, dropping stray markers', () => {
    expect(snippetParts(`a ${HIT_START}Data${HIT_END} b${HIT_END} ${HIT_START}x`)).to.deep.equal([
      { text: 'a ', hit: false },
      { text: 'Data', hit: true },
      { text: ' b ', hit: false },
      { text: 'x', hit: true },
    ]);
  });

  it('highlights plain text around the first hit', () => {
    const parts = highlightPlain(`${'word '.repeat(100)}the Data Collector acts`, [
      { words: ['data', 'collector'], prefix: false },
    ]);
    expect(parts[0]?.text.startsWith('…')).to.equal(true);
    expect(parts.filter((p) => p.hit).map((p) => p.text)).to.deep.equal(['Data', 'Collector']);
  });
});
