import { expect } from 'chai';
import { parseSearchQuery } from '../../../server/domain/searchQuery.js';
import { rankClauses } from '../../../server/domain/searchRank.js';

const clause = (id: number, text: string, heading: string | null = null) => ({ id, heading, text });

describe('ranking search matches', () => {
  const boilerplate =
    'The Supplier shall ensure that its Half Hourly Data Collector complies with BSCP502 in relation to the SVA Metering System.';

  it('puts a hit in a heading first, then the clauses where the words say most, shorter first', () => {
    const ranked = rankClauses(
      [
        clause(1, boilerplate),
        clause(2, 'Not used.', 'Data Collector'),
        clause(
          3,
          'The Data Collector shall collect metered data; where the Data Collector cannot, the Data Collector shall estimate it.',
        ),
        clause(
          4,
          `${boilerplate} Where the Supplier fails to do so, it shall notify the Panel and the Performance Assurance Board of the failure, its cause and the steps taken to remedy it.`,
        ),
      ],
      parseSearchQuery('"data collector"'),
    );
    expect(ranked).to.deep.equal([2, 3, 1, 4]);
  });

  it('weighs a word that few matches have above one that all have', () => {
    const ranked = rankClauses(
      [
        clause(10, 'The Supplier shall submit metered data to the SVAA.'),
        clause(11, 'The Supplier shall appoint an Unmetered Supplies Operator.'),
        clause(12, 'The Supplier shall submit data to the Supplier and to the Supplier.'),
      ],
      parseSearchQuery('supplier unmetered'),
    );
    expect(ranked[0]).to.equal(11);
  });

  it('keeps index order between equal matches, and ranks nothing when there is nothing', () => {
    const same = 'Each Supplier shall register in SMRS each SVA Metering System.';
    expect(
      rankClauses([clause(7, same), clause(5, same), clause(6, same)], parseSearchQuery('smrs')),
    ).to.deep.equal([5, 6, 7]);
    expect(rankClauses([], parseSearchQuery('smrs'))).to.deep.equal([]);
  });
});
