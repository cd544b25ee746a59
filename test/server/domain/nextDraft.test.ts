import { expect } from 'chai';
import { prepareNextDraft, type Proposal } from '../../../server/domain/nextDraft.js';
import { parseClauses } from '../../../server/domain/parseClauses.js';

// Neighbouring clauses share their boilerplate, as real code text does: a proposal must land in
// its own clause, never in the first clause that happens to hold the same words.
const SECTION = [
  'SECTION S: SUPPLIER VOLUME ALLOCATION',
  '',
  '2. DATA AGGREGATION',
  '',
  '2.1 General',
  '',
  '2.1.1 Each Supplier shall, subject to paragraph 2.1.3, appoint a Data Aggregator in',
  'respect of each Metering System for which it is responsible.',
  '',
  '2.1.2 Each Supplier shall, subject to paragraph 2.1.3, appoint a Data Collector in',
  'respect of each Metering System for which it is responsible.',
  '',
  '2.1.3 The requirements of paragraphs 2.1.1 and 2.1.2 shall not apply to a Metering System',
  'which is registered in SMRS as de-energised.',
  '',
  '2.1.4 For the purposes of this paragraph 2.1, "responsible" has the meaning given in',
  'Annex X-1 to the Code.',
].join('\n');

const clauses = parseClauses(SECTION).clauses;
const proposal = (commentRef: string, clauseRef: string, quote: string | null, text: string) =>
  ({ commentRef, clauseRef, quote, proposedText: text }) satisfies Proposal;

describe('prepareNextDraft', () => {
  it("replaces the quoted words in the comment's own clause, across a line break", () => {
    const draft = prepareNextDraft(SECTION, clauses, [
      proposal(
        'C-000002',
        '2.1.2',
        'appoint a Data Collector in respect of',
        'appoint a Metering Service',
      ),
    ]);
    expect(draft.applied).to.deep.equal([
      {
        commentRef: 'C-000002',
        clauseRef: '2.1.2',
        before: 'appoint a Data Collector in\nrespect of',
        after: 'appoint a Metering Service',
      },
    ]);
    const lines = draft.body.split('\n');
    // 2.1.1 holds the same boilerplate and is untouched.
    expect(lines[6]).to.equal(
      '2.1.1 Each Supplier shall, subject to paragraph 2.1.3, appoint a Data Aggregator in',
    );
    expect(lines[9]).to.equal(
      '2.1.2 Each Supplier shall, subject to paragraph 2.1.3, appoint a Metering Service each Metering System for which it is responsible.',
    );
    expect(parseClauses(draft.body).clauses.map((c) => c.ref)).to.deep.equal(
      clauses.map((c) => c.ref),
    );
  });

  it('puts a quote shared by two clauses in the one commented on', () => {
    const shared = 'subject to paragraph 2.1.3';
    const draft = prepareNextDraft(SECTION, clauses, [
      proposal('C-000003', '2.1.2', shared, 'subject to paragraph 2.1.4'),
    ]);
    const after = parseClauses(draft.body).clauses;
    expect(after.find((c) => c.ref === '2.1.1')?.text).to.contain('paragraph 2.1.3');
    expect(after.find((c) => c.ref === '2.1.2')?.text).to.contain('paragraph 2.1.4');
  });

  it('replaces a whole clause without repeating its number', () => {
    const draft = prepareNextDraft(SECTION, clauses, [
      proposal(
        'C-000004',
        '2.1.4',
        null,
        '2.1.4 In this paragraph 2.1, "responsible" is defined in Annex X-1.',
      ),
    ]);
    expect(
      draft.body.endsWith('2.1.4 In this paragraph 2.1, "responsible" is defined in Annex X-1.'),
    ).to.equal(true);
    expect(parseClauses(draft.body).clauses.find((c) => c.ref === '2.1.4')?.text).to.equal(
      'In this paragraph 2.1, "responsible" is defined in Annex X-1.',
    );
  });

  it('tells 1.10, 1.100 and 1.1000 apart in a schedule of a thousand look-alike clauses', () => {
    const schedule = [
      'SCHEDULE 23: DATA ITEMS',
      '',
      '1. DATA ITEMS',
      '',
      ...Array.from({ length: 1000 }, (_, i) => [
        `1.${i + 1} The Data Item shall be provided by the Data Collector in respect of each Metering System.`,
        '',
      ]).flat(),
    ].join('\n');
    const parsed = parseClauses(schedule).clauses;
    expect(parsed.find((c) => c.ref === '1.1000')).to.not.equal(undefined);
    const draft = prepareNextDraft(schedule, parsed, [
      proposal('C-000010', '1.10', 'Data Collector', 'Data Service (10)'),
      proposal('C-000100', '1.100', 'Data Collector', 'Data Service (100)'),
      proposal('C-001000', '1.1000', null, 'The Data Item is withdrawn.'),
    ]);
    expect(draft.applied.map((a) => a.clauseRef)).to.deep.equal(['1.10', '1.100', '1.1000']);
    const text = new Map(parseClauses(draft.body).clauses.map((c) => [c.ref, c.text]));
    expect(text.get('1.10')).to.contain('Data Service (10)');
    expect(text.get('1.100')).to.contain('Data Service (100)');
    expect(text.get('1.1000')).to.equal('The Data Item is withdrawn.');
    for (const untouched of ['1.1', '1.11', '1.101', '1.999'])
      expect(text.get(untouched), untouched).to.contain('by the Data Collector in respect');
  });

  it('applies several proposals in one pass, whichever order they come in', () => {
    const draft = prepareNextDraft(SECTION, clauses, [
      proposal('C-000009', '2.1.3', 'de-energised', 'de-energised or disconnected'),
      proposal('C-000001', '2.1.1', 'Data Aggregator', 'Data Service'),
    ]);
    expect(draft.applied.map((a) => a.clauseRef)).to.deep.equal(['2.1.1', '2.1.3']);
    const text = new Map(parseClauses(draft.body).clauses.map((c) => [c.ref, c.text]));
    expect(text.get('2.1.1')).to.contain('appoint a Data Service in');
    expect(text.get('2.1.3')).to.contain('registered in SMRS as de-energised or disconnected.');
  });

  it('holds back two proposals on one clause until one is chosen, and honours switches', () => {
    const two = [
      proposal('C-000005', '2.1.3', 'de-energised', 'disconnected'),
      proposal(
        'C-000006',
        '2.1.3',
        null,
        'Paragraphs 2.1.1 and 2.1.2 do not apply to de-energised Metering Systems.',
      ),
    ];
    const held = prepareNextDraft(SECTION, clauses, two);
    expect(held.applied).to.deep.equal([]);
    expect(held.conflicts).to.deep.equal([
      { clauseRef: '2.1.3', commentRefs: ['C-000005', 'C-000006'], chosen: null },
    ]);
    expect(held.body).to.equal(SECTION);
    const chosen = prepareNextDraft(SECTION, clauses, two, { choose: new Set(['C-000006']) });
    expect(chosen.applied.map((a) => a.commentRef)).to.deep.equal(['C-000006']);
    const skipped = prepareNextDraft(SECTION, clauses, two, { skip: new Set(['C-000005']) });
    expect(skipped.conflicts).to.deep.equal([]);
    expect(skipped.skipped).to.deep.equal(['C-000005']);
    expect(skipped.applied.map((a) => a.commentRef)).to.deep.equal(['C-000006']);
  });

  it('reports what it cannot place rather than guessing', () => {
    const draft = prepareNextDraft(SECTION, clauses, [
      proposal('C-000007', '9.9', null, 'A new clause.'),
      proposal('C-000008', '2.1.1', 'Data Retriever', 'Data Service'),
    ]);
    expect(draft.body).to.equal(SECTION);
    expect(draft.unapplied).to.deep.equal([
      { commentRef: 'C-000007', clauseRef: '9.9', reason: 'clause 9.9 is not in this version' },
      {
        commentRef: 'C-000008',
        clauseRef: '2.1.1',
        reason: 'the quoted words are no longer in clause 2.1.1',
      },
    ]);
  });
});
