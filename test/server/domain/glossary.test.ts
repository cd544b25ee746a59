import { expect } from 'chai';
import {
  buildGlossary,
  extractDefinitions,
  normaliseDefinition,
  type ClausePlace,
  type GlossarySource,
} from '../../../server/domain/glossary/index.js';
import { parseClauses } from '../../../server/domain/parseClauses.js';

const ANNEX_X1 = `SECTION X ANNEX X-1: GENERAL GLOSSARY

1. DEFINITIONS

1.1 Terms defined in this Annex

1.1.1 "Balancing and Settlement Code" or "Code" means the code of that name made under the Transmission Licence.

1.1.2 "Settlement Period" means a period of 30 minutes beginning on the hour or the half-hour;

1.1.3 "Data Collector" means, in relation to a Metering System, the person appointed by the Supplier to retrieve, validate and process Metered Data;

1.1.4 “Metering System” means particular commissioned Metering Equipment installed for the purposes of measuring quantities of Imports or Exports at a Boundary Point.

1.1.5 "Trading Party": has the meaning given to that term in Section A.

1.1.6 Acronyms used in this Code:

| Acronym | Expansion |
| --- | --- |
| SVAA | Supplier Volume Allocation Agent |
| MDS | Market-wide Data Service |

1.1.7 "Supplier Volume Allocation Agent" (SVAA) means the BSC Agent for supplier volume allocation, who shall:

(a) aggregate Metered Data for each Settlement Period; and

(b) report allocated volumes to each Supplier.

1.1.8 "BSC Agent" means a person appointed by BSC Company (BSCCo) to provide a service under the Code.

1.1.9 "BSCCo" means the company that performs the functions given to it by the Code.

1.1.10 A Party in default (the "Defaulting Party") shall pay the amounts set out in Section H.
`;

const REC_SCHEDULE_1 = `SCHEDULE 1: INTERPRETATIONS AND DEFINITIONS

1. DEFINITIONS

1.1 "Settlement Period" means a period of 30 minutes beginning on the hour or the half-hour.

1.2 "Data Collectors" means the persons appointed by an Energy Supplier to collect consumption data from a Metering Point.

1.3 Terms used in the Metering Code of Practice:

| Term | Definition |
| --- | --- |
| Metering Point | the point at which a supply of energy is measured |
| Energy Supplier | a person who holds a supply licence |
| Metering system | Particular commissioned Metering Equipment installed for the purposes of measuring quantities of Imports or Exports at a Boundary Point |

**Market-wide Data Service**: the central service that receives and aggregates *settlement data*.

Working Day: a day other than a Saturday, a Sunday or a bank holiday.
`;

function source(code: string, reference: string, text: string): GlossarySource {
  return {
    code,
    reference,
    slug: `${code.toLowerCase()}-${reference.toLowerCase().replace(/\W+/g, '-')}`,
    versionId: `${code}-v1`,
    versionLabel: 'v1.0',
    clauses: parseClauses(text).clauses,
  };
}

const annex = source('BSC', 'Section X Annex X-1', ANNEX_X1);
const schedule1 = source('REC', 'Schedule 1', REC_SCHEDULE_1);

describe('extractDefinitions', () => {
  const definitions = extractDefinitions(annex.clauses);
  const of = (term: string) => definitions.filter((d) => d.term === term);

  it('reads "X" means ... with its clause, dropping the list punctuation', () => {
    expect(of('Settlement Period')).to.deep.equal([
      {
        term: 'Settlement Period',
        definition: 'a period of 30 minutes beginning on the hour or the half-hour',
        clauseRef: '1.1.2',
      },
    ]);
    expect(of('Metering System')[0]?.definition).to.match(/^particular commissioned Metering/);
  });

  it('gives both names of "A" or "B" means ... the same definition', () => {
    expect(of('Balancing and Settlement Code')[0]?.definition).to.equal(
      'the code of that name made under the Transmission Licence.',
    );
    expect(of('Code')[0]?.definition).to.equal(of('Balancing and Settlement Code')[0]?.definition);
  });

  it('keeps the verb of "has the meaning given in" once, however the term is marked', () => {
    expect(of('Trading Party')).to.deep.equal([
      {
        term: 'Trading Party',
        definition: 'has the meaning given to that term in Section A.',
        clauseRef: '1.1.5',
      },
    ]);
  });

  it('reads the rows of a glossary table, not its header', () => {
    expect(of('SVAA').map((d) => d.definition)).to.include('Supplier Volume Allocation Agent');
    expect(of('MDS')[0]?.definition).to.equal('Market-wide Data Service');
    expect(of('Acronym')).to.deep.equal([]);
  });

  it('runs a definition on through its lettered items', () => {
    const svaa = of('Supplier Volume Allocation Agent')[0];
    expect(svaa?.clauseRef).to.equal('1.1.7');
    expect(svaa?.definition).to.match(
      /^the BSC Agent .* who shall: \(a\) aggregate .* \(b\) report allocated volumes to each Supplier\.$/,
    );
  });

  it('names no definition for a term only introduced in brackets', () => {
    expect(of('Defaulting Party')).to.deep.equal([]);
  });

  it('reads bold and colon entries, without their emphasis', () => {
    const rec = extractDefinitions(schedule1.clauses);
    const mds = rec.filter((d) => d.term === 'Market-wide Data Service');
    expect(mds).to.have.length(1);
    expect(mds[0]?.definition).to.equal(
      'the central service that receives and aggregates *settlement data*.',
    );
    expect(rec.find((d) => d.term === 'Working Day')?.definition).to.equal(
      'a day other than a Saturday, a Sunday or a bank holiday.',
    );
    expect(rec.find((d) => d.term === 'Metering Point')?.definition).to.equal(
      'the point at which a supply of energy is measured',
    );
  });
});

describe('normaliseDefinition', () => {
  it('ignores case, spacing, quotes, emphasis and the final full stop', () => {
    expect(normaliseDefinition('A period of  30 "minutes".')).to.equal(
      normaliseDefinition('a period of 30 **minutes**'),
    );
    expect(normaliseDefinition('a period of 30 minutes')).not.to.equal(
      normaliseDefinition('a period of thirty minutes'),
    );
  });
});

describe('buildGlossary', () => {
  const from: ClausePlace = {
    code: 'BSC',
    reference: 'Section S',
    slug: 'bsc-section-s',
    versionId: 'S-v2',
    versionLabel: 'v2.0',
    clauseRef: '2.1.10',
    anchor: 'clause-2-1-10',
  };
  const glossary = buildGlossary([annex, schedule1], {
    terms: ['Settlement Period', 'Half Hourly Data Collector', 'Unmetered Supply'],
    definitions: [
      {
        term: 'Half Hourly Data Collector',
        definition: 'a Data Collector for Metering Systems settled half-hourly',
        definedAt: '2026-11-30T10:00:00.000Z',
        from,
      },
    ],
  });
  const entry = (term: string) => {
    const found = glossary.find((e) => e.term === term);
    if (!found) throw new Error(`no entry ${term} in ${glossary.map((e) => e.term).join(', ')}`);
    return found;
  };

  it('lists a term defined identically in both codes once, not as a conflict', () => {
    const period = entry('Settlement Period');
    expect(
      period.definitions.map((d) => d.source.kind === 'artefact' && d.source.code),
    ).to.deep.equal(['BSC', 'REC']);
    expect(period.conflicting).to.equal(false);
    expect(period.configured).to.equal(true);
  });

  it('flags a term the codes define differently, merging case and plural variants', () => {
    const collector = entry('Data Collector');
    expect(collector.conflicting).to.equal(true);
    expect(collector.definitions.map((d) => d.text)).to.have.length(2);
    expect(glossary.filter((e) => /^data collectors?$/i.test(e.term))).to.have.length(1);
    const rec = collector.definitions[1]?.source;
    expect(rec).to.include({
      kind: 'artefact',
      code: 'REC',
      clauseRef: '1.2',
      reference: 'Schedule 1',
    });
  });

  it('merges a case variant defined identically, without a conflict', () => {
    const metering = entry('Metering System');
    expect(metering.definitions).to.have.length(2);
    expect(metering.conflicting).to.equal(false);
  });

  it('carries the clause anchor of each definition for its link', () => {
    const source = entry('Metering System').definitions[0]?.source;
    expect(source).to.deep.equal({
      kind: 'artefact',
      code: 'BSC',
      reference: 'Section X Annex X-1',
      slug: annex.slug,
      versionId: 'BSC-v1',
      versionLabel: 'v1.0',
      clauseRef: '1.1.4',
      anchor: annex.clauses.find((c) => c.ref === '1.1.4')?.anchor,
    });
  });

  it('does not take an acronym explained in passing or in a table as a conflicting definition', () => {
    expect(entry('BSCCo').definitions.map((d) => d.text)).to.deep.equal([
      'the company that performs the functions given to it by the Code.',
    ]);
    expect(entry('SVAA').definitions.map((d) => d.text)).to.deep.equal([
      'Supplier Volume Allocation Agent',
      'the BSC Agent for supplier volume allocation, who shall: (a) aggregate Metered Data for each Settlement Period; and (b) report allocated volumes to each Supplier.',
    ]);
    expect(entry('SVAA').conflicting).to.equal(false);
  });

  it('flags a term whose table definition differs from its bold one (MDS aside)', () => {
    // Annex X-1 expands MDS in its acronym table; REC defines the service itself: not the same term.
    expect(entry('MDS').conflicting).to.equal(false);
    expect(entry('Market-wide Data Service').definitions).to.have.length(1);
  });

  it('includes terms only on the configured list, with or without a definition', () => {
    const hh = entry('Half Hourly Data Collector');
    expect(hh.configured).to.equal(true);
    expect(hh.definitions).to.deep.equal([
      {
        text: 'a Data Collector for Metering Systems settled half-hourly',
        source: { kind: 'configured', definedAt: '2026-11-30T10:00:00.000Z', from },
      },
    ]);
    expect(entry('Unmetered Supply').definitions).to.deep.equal([]);
    expect(entry('Unmetered Supply').conflicting).to.equal(false);
  });

  it('sorts the entries A to Z whatever their case', () => {
    const terms = glossary.map((e) => e.term.toLowerCase());
    expect(terms).to.deep.equal([...terms].sort((a, b) => a.localeCompare(b, 'en-GB')));
  });
});
