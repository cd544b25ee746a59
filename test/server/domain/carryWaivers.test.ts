import { expect } from 'chai';
import { clauseSuccessors } from '../../../server/domain/alignClauses.js';
import { parseClauses } from '../../../server/domain/parseClauses.js';
import { carriedWaivers, type FindingOnClause } from '../../../server/domain/plainEnglish/index.js';

const doc = (...clauses: string[]) => parseClauses(['1. GENERAL', ...clauses].join('\n\n')).clauses;
const finding = (id: string, clauseRef: string, excerpt: string): FindingOnClause => ({
  id,
  clauseRef,
  kind: 'vague-wording',
  excerpt,
});

describe('carriedWaivers', () => {
  const v1 = doc(
    '1.1 The Supplier shall send the data and/or the report.',
    '1.2 The agent shall act as appropriate.',
    '1.3 Data is kept etc. for a year.',
  );

  it('carries a waiver to the same finding in an unchanged clause, renumbered or not', () => {
    const v2 = doc(
      '1.1 A new first clause.',
      '1.2 The Supplier shall send the data and/or the report.',
      '1.3 The agent shall act as appropriate.',
      '1.4 Data is kept etc. for two years.',
    );
    const waived = [
      finding('w1', '1.1', 'and/or'),
      finding('w2', '1.2', 'as appropriate'),
      finding('w3', '1.3', 'etc.'),
    ];
    const open = [
      finding('n1', '1.2', 'and/or'),
      finding('n2', '1.3', 'as appropriate'),
      finding('n3', '1.4', 'etc.'),
    ];
    const carried = carriedWaivers(waived, open, clauseSuccessors(v1, v2));
    expect(carried.map((c) => [c.from.id, c.finding.id])).to.deep.equal([
      ['w1', 'n1'],
      ['w2', 'n2'],
    ]);
  });

  it('does not carry to a different finding, kind or clause', () => {
    const successors = clauseSuccessors(v1, v1);
    const waived = [finding('w1', '1.1', 'and/or')];
    expect(carriedWaivers(waived, [finding('n1', '1.1', 'etc.')], successors)).to.deep.equal([]);
    expect(carriedWaivers(waived, [finding('n1', '1.2', 'and/or')], successors)).to.deep.equal([]);
    const other = { ...finding('n1', '1.1', 'and/or'), kind: 'undefined-term' as const };
    expect(carriedWaivers(waived, [other], successors)).to.deep.equal([]);
    // A removed clause carries nothing.
    expect(carriedWaivers(waived, [], clauseSuccessors(v1, doc('1.1 Other words.')))).to.deep.equal(
      [],
    );
  });
});
