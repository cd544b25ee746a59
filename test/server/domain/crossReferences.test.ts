import { expect } from 'chai';
import { parseClauses } from '../../../server/domain/parseClauses.js';
import {
  brokenCitationMessage,
  parseReferences,
  renumbering,
  registryIndex,
  resolveReference,
  type TextReference,
} from '../../../server/domain/crossReferences/index.js';

const cited = (text: string) =>
  parseReferences(text).map((r) => [r.raw, r.code, r.document, r.clauseRef]);

describe('cross-references in clause text', () => {
  it('reads references within the artefact, one per number of a list', () => {
    const text =
      'Subject to paragraph 2.1.3, the Supplier shall comply with paragraphs 2.1.1 and 2.1.2 of this Section and with Section 3.';
    expect(cited(text)).to.deep.equal([
      ['paragraph 2.1.3', null, null, '2.1.3'],
      ['paragraphs 2.1.1', null, null, '2.1.1'],
      ['2.1.2', null, null, '2.1.2'],
      ['Section 3', null, null, '3'],
    ]);
  });

  it('gives each reference its place in the text, so that it can be linked', () => {
    const text = 'as set out in clause 4.2(a).';
    const [ref] = parseReferences(text);
    expect(ref && text.slice(ref.start, ref.end)).to.equal('clause 4.2(a)');
  });

  it('reads references to other artefacts, with the code when the text names it', () => {
    const text =
      'The Supplier shall, in accordance with BSC Section S paragraph 2.1.1, BSCP501 section 3.2 and REC Schedule 23, paragraph 4, use the terms defined in Annex X-1 and Schedule 1.';
    expect(cited(text)).to.deep.equal([
      ['BSC Section S paragraph 2.1.1', 'BSC', 'section s', '2.1.1'],
      ['BSCP501 section 3.2', null, 'bscp501', '3.2'],
      ['REC Schedule 23, paragraph 4', 'REC', 'schedule 23', '4'],
      ['Annex X-1', null, 'annex x-1', null],
      ['Schedule 1', null, 'schedule 1', null],
    ]);
  });

  it('leaves alone statutes, years, amounts and dates', () => {
    const text =
      'Section 2 of the Act and paragraph 3 of the Electricity Act 1989 apply from 1 April 2025; a charge of £2.50 per 1.5 MWh is payable under Section 4 of the Utilities Act 2000.';
    expect(cited(text)).to.deep.equal([]);
  });

  it('keeps a paragraph of this Code even when "of" follows', () => {
    expect(cited('as described in paragraph 1.2 of the Code')).to.deep.equal([
      ['paragraph 1.2', null, null, '1.2'],
    ]);
  });

  describe('resolving against the registry', () => {
    const registry = [
      { id: 's', code: 'BSC', reference: 'Section S' },
      { id: 's1', code: 'BSC', reference: 'Section S Annex S-1' },
      { id: 'x1', code: 'BSC', reference: 'Section X Annex X-1' },
      { id: 'rec1', code: 'REC', reference: 'Schedule 1' },
      { id: 'rec23', code: 'REC', reference: 'Schedule 23' },
    ];
    const index = registryIndex(registry);
    const rec = registry[4]!;
    const bsc = registry[0]!;
    const target = (text: string, source = rec) =>
      parseReferences(text).map(
        (r: TextReference) => resolveReference(r, source, index)?.id ?? null,
      );

    it('finds the artefact the text names, not one that merely shares its key', () => {
      expect(target('BSC Section S paragraph 2.1.1')).to.deep.equal(['s']);
      expect(target('Annex X-1')).to.deep.equal(['x1']);
      expect(target('Annex S-1')).to.deep.equal(['s1']);
    });

    it('resolves a reference within the artefact to the artefact itself', () => {
      expect(target('paragraph 2.1.1', bsc)).to.deep.equal(['s']);
    });

    it('respects the code the text names, and leaves unknown artefacts unresolved', () => {
      expect(target('BSC Schedule 1', bsc)).to.deep.equal([null]);
      expect(target('REC Schedule 1', bsc)).to.deep.equal(['rec1']);
      expect(target('BSCP501 section 3.2')).to.deep.equal([null]);
    });
  });

  describe('after the cited artefact moves on', () => {
    const v1 = parseClauses(
      [
        '2.1.1 Each Supplier shall appoint a Data Collector for each Metering System.',
        '2.1.2 The Data Collector shall retrieve data daily.',
      ].join('\n\n'),
    ).clauses;
    const v2 = parseClauses(
      [
        '2.1.1 Each Supplier shall register with the Panel before it trades.',
        '2.1.2 Each Supplier shall appoint a Data Collector for each Metering System.',
        '2.1.3 The Data Collector shall retrieve data daily.',
      ].join('\n\n'),
    ).clauses;

    it('knows where each renumbered clause went, even when its number is reused', () => {
      expect([...renumbering(v1, v2)]).to.deep.equal([
        ['2.1.1', '2.1.2'],
        ['2.1.2', '2.1.3'],
      ]);
      expect([...renumbering(v2, v2)]).to.deep.equal([]);
    });

    it('says what to change the citation to, or that the clause is gone', () => {
      const target = { reference: 'Section S', versionLabel: 'v2' };
      expect(brokenCitationMessage(target, '2.1.1', '2.1.2')).to.equal(
        'Section S 2.1.1 is now 2.1.2 (v2): change the reference to 2.1.2',
      );
      expect(brokenCitationMessage(target, '2.1.9', undefined)).to.equal(
        'Section S has no clause 2.1.9 in its current version (v2): check the reference',
      );
    });
  });
});
