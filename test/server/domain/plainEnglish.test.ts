import { expect } from 'chai';
import fc from 'fast-check';
import { parseClauses } from '../../../server/domain/parseClauses.js';
import {
  checkPlainEnglish,
  extractDefinedTerms,
  parsePlainEnglishConfig,
  referenceKeys,
  type Finding,
  type FindingKind,
  type PlainEnglishContext,
} from '../../../server/domain/plainEnglish/index.js';

const GLOSSARY = [
  'Supplier',
  'Settlement Period',
  'Settlement Day',
  'Metering System',
  'SVA Metering System',
  'Market-wide Data Service',
  'Working Day',
  'Line Loss Factor',
  'BM Unit',
  'Panel',
  'Party',
  'Code',
  'Code of Practice',
  'Data Collector',
  'Licensed Distribution System Operator',
  'Supplier Volume Allocation Agent',
];

const REGISTRY = [
  'Section S',
  'Section K',
  'Section S Annex S-3',
  'Section X Annex X-1',
  'BSCP701',
  'BSCP707 Appendix 1',
  'BSC COP 4',
  'Schedule 9',
  'Schedule XX',
];

function context(
  overrides: Partial<PlainEnglishContext> = {},
): Omit<PlainEnglishContext, 'knownReferences'> & { artefactReferences: Set<string> } {
  return {
    definedTerms: new Set(GLOSSARY),
    artefactReferences: new Set(REGISTRY.flatMap(referenceKeys)),
    vagueTerms: [],
    maxSentenceWords: 60,
    ...overrides,
  };
}

function check(markdown: string, overrides: Partial<PlainEnglishContext> = {}): Finding[] {
  const { clauses } = parseClauses(markdown);
  const { artefactReferences, ...rest } = context(overrides);
  return checkPlainEnglish(clauses, {
    ...rest,
    knownReferences: { clauseRefs: new Set(clauses.map((c) => c.ref)), artefactReferences },
  });
}

const of = (findings: Finding[], kind: FindingKind) =>
  findings.filter((f) => f.kind === kind).map((f) => `${f.clauseRef}: ${f.excerpt}`);

const SECTION = `SECTION S: SUPPLIER VOLUME ALLOCATION

1. GENERAL

1.1 Introduction

1.1.1 This Section S sets out the basis on which the Supplier Volume Allocation Agent (SVAA) allocates energy to each Supplier in respect of each Settlement Period.

1.1.2 Each Supplier shall ensure that its Metering Systems are registered in accordance with paragraph 1.1.1 and BSCP701. Suppliers' SVA Metering Systems are subject to Section K.

1.1.3 Where a Supplier (the "Registering Supplier") registers a Metering System on 1 April 2025, the Registering Supplier shall notify the Panel by the fifth Working Day.

2. ALLOCATION

2.1.1 Volumes are aggregated by the Market-wide Data Service for each BM Unit, using the Line Loss Factors that apply on the Settlement Day concerned.
`;

describe('checkPlainEnglish', () => {
  describe('undefined terms', () => {
    it('finds nothing in clean BSC-style text', () => {
      expect(check(SECTION)).to.deep.equal([]);
    });

    it('ignores capitals at the start of sentences, list items and table cells', () => {
      const findings = check(`1. GENERAL

1.1.1 Volumes are allocated daily. Allocation happens for each Settlement Period; Aggregation follows. Note: Suppliers are told.

1.1.2 The Panel shall:

(a) Publish the report; and

(b) Notify each Party.

| Step | Action |
| --- | --- |
| 1 | Confirm the Metering System |
`);
      expect(of(findings, 'undefined-term')).to.deep.equal([]);
    });

    it('reports each undefined capitalised term once per clause, with the name it belongs to', () => {
      const findings = check(`1. GENERAL

1.1.1 The Supplier Deemed Take is sent to the Distributor, and the Distributor and each Licensed Distribution System Operator confirm the Supplier Deemed Take.

1.1.2 The Distributor replies.
`);
      expect(of(findings, 'undefined-term')).to.deep.equal([
        '1.1.1: Supplier Deemed Take',
        '1.1.1: Distributor',
        '1.1.2: Distributor',
      ]);
      const first = findings.find((f) => f.kind === 'undefined-term');
      expect(first?.message).to.include('"Supplier Deemed Take"').and.include('not defined');
    });

    it('treats plurals, possessives, hyphens and joiners as the defined term', () => {
      const findings = check(`1. GENERAL

1.1.1 All Suppliers' Metering Systems, the Parties, the Market-wide Data Service's reports and each Code of Practice apply.
`);
      expect(of(findings, 'undefined-term')).to.deep.equal([]);
    });

    it('is case-sensitive on the first letter of a defined term', () => {
      const findings = check('1.1.1 Data is held by the SVAA under the supplier hub principle.', {
        definedTerms: new Set(['supplier Hub']),
      });
      expect(of(findings, 'undefined-term')).to.deep.equal([]);
      const capitalised = check('1.1.1 Data is held by the SVAA under the Supplier Hub.', {
        definedTerms: new Set(['supplier Hub']),
      });
      expect(of(capitalised, 'undefined-term')).to.deep.equal(['1.1.1: Supplier Hub']);
    });

    it('skips acronyms, references, months, days and quoted names', () => {
      const findings = check(`1. GENERAL

1.1.1 The SVAA and the MHHS Programme's CDWG report under Section S, Annex S-3, BSCP701, Schedule 9 and paragraph 1.1.1 on Monday 1 April, using the field "Market Participant Role Code".
`);
      expect(of(findings, 'undefined-term')).to.deep.equal(['1.1.1: MHHS Programme']);
    });

    it('uses terms the document defines itself', () => {
      const findings = check(`1. GENERAL

1.1.1 In this BSCP, "Migration Window" means the period in which a Metering System migrates.

1.1.2 Each Supplier shall complete the Migration Window within the Data Migration Plan (DMP).

1.1.3 The DMP and the Data Migration Plan are published.
`);
      expect(of(findings, 'undefined-term')).to.deep.equal([]);
    });

    it('is skipped when no glossary is known', () => {
      const findings = check('1.1.1 The Supplier Deemed Take is sent to the Distributor.', {
        definedTerms: null,
      });
      expect(of(findings, 'undefined-term')).to.deep.equal([]);
    });
  });

  describe('broken references', () => {
    it('checks paragraph references against the clauses of this version', () => {
      const findings = check(`1. GENERAL

1.1.1 Subject to paragraph 1.1.2(a) and paragraphs 1.1.2 and 2.1, the Supplier shall act.

1.1.2 The Supplier shall (a) register and (b) notify.

1.1.3 See paragraph 3.2.4 and paragraph 1.1.2(c), but not paragraph 4.1 of Section K.
`);
      expect(of(findings, 'broken-reference')).to.deep.equal([
        '1.1.1: paragraphs 1.1.2 and 2.1',
        '1.1.3: paragraph 3.2.4',
        '1.1.3: paragraph 1.1.2(c)',
      ]);
      expect(findings[0]?.message).to.equal('paragraph 2.1 does not exist in this version');
    });

    it('finds lettered items parsed as clauses of their own', () => {
      const findings = check(`1. GENERAL

1.1.1 The Supplier shall:

(a) register; and

(b) notify.

1.1.2 The duty in paragraph 1.1.1(b) applies; paragraph 1.1.1(c) does not exist.
`);
      expect(of(findings, 'broken-reference')).to.deep.equal(['1.1.2: paragraph 1.1.1(c)']);
    });

    it('checks Sections, BSCPs, Schedules, Annexes and Codes of Practice against the registry', () => {
      const findings = check(`1. GENERAL

1.1.1 Section S, Section X, Section S3.2, Annex S-3, Annex X-1, BSCP701, BSCP707 Appendix 1, BSC COP 4, Schedule 9 and Schedule XX exist.

1.1.2 Section Q, BSCP799, Annex S-9, BSC COP 12 and Schedule 42 do not.

1.1.3 Section 4 of the Electricity Act and Schedule 7 to the Act are not artefacts.
`);
      expect(of(findings, 'broken-reference')).to.deep.equal([
        '1.1.2: Section Q',
        '1.1.2: BSCP799',
        '1.1.2: Annex S-9',
        '1.1.2: BSC COP 12',
        '1.1.2: Schedule 42',
      ]);
      const q = findings.find((f) => f.excerpt === 'Section Q');
      expect(q?.message).to.include('not an artefact in the registry');
    });

    it("checks a document's own appendices when the version has them", () => {
      const findings = check(`1. GENERAL

1.1.1 Use the form in Appendix 1, not Appendix 2.

APPENDIX 1: FORM

1.1 The form.
`);
      expect(of(findings, 'broken-reference')).to.deep.equal(['1.1.1: Appendix 2']);
    });
  });

  describe('vague wording', () => {
    it('finds the default and configured vague terms, case-insensitively, as whole words', () => {
      const findings = check(
        `1. GENERAL

1.1.1 The Supplier and/or its agent shall, From Time To Time, send data etc. as appropriate.

1.1.2 The Supplier shall use reasonable care; it is unreasonable to expect more. The agents set out etcetera.
`,
        { vagueTerms: ['reasonable', 'promptly'] },
      );
      expect(of(findings, 'vague-wording')).to.deep.equal([
        '1.1.1: and/or',
        '1.1.1: From Time To Time',
        '1.1.1: etc.',
        '1.1.1: as appropriate',
        '1.1.2: reasonable',
      ]);
    });
  });

  describe('long sentences', () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

    it('flags sentences over the limit, naming their length', () => {
      const findings = check(`1.1.1 ${words(61)}. ${words(60)}.`);
      expect(of(findings, 'long-sentence')).to.deep.equal([
        '1.1.1: word0 word1 word2 word3 word4 word5 word6 word7…',
      ]);
      expect(findings[0]?.message).to.include('61 words');
    });

    it('does not end sentences at numbers or abbreviations, but does at semicolons', () => {
      const split = check(`1.1.1 ${words(40)}; ${words(40)}.`);
      expect(of(split, 'long-sentence')).to.deep.equal([]);
      const joined = check(
        `1.1.1 ${words(30)} (e.g. paragraph 3.2.4 i.e. the rule, etc. and more) ${words(30)}.`,
      );
      expect(of(joined, 'long-sentence')).to.have.length(1);
    });

    it('does not treat table rows as sentences', () => {
      const findings = check(`1.1.1 The table:

| Item | Meaning |
| --- | --- |
| One | ${words(40)} |
| Two | ${words(40)} |
`);
      expect(of(findings, 'long-sentence')).to.deep.equal([]);
    });
  });

  it('checks a 2,000-clause document', () => {
    const lines = ['SECTION S: SUPPLIER VOLUME ALLOCATION'];
    for (let i = 1; i <= 40; i++) {
      lines.push('', `${i}. PART ${i}`);
      for (let j = 1; j <= 50; j++) {
        lines.push(
          '',
          `${i}.${j} Subject to paragraph ${i}.${Math.max(1, j - 1)} and BSCP701, each Supplier shall, in respect of each Settlement Period, send the Supplier Deemed Take for every Metering System to the Data Collector and/or the Panel from time to time.`,
        );
      }
    }
    const markdown = lines.join('\n');
    // Its speed is a benchmark's business (no timings in tests); this checks it copes with the size.
    const findings = check(markdown);
    expect(findings.length).to.be.greaterThan(2000);
  });

  it('never throws, and only reports clauses it was given', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 200 }), { maxLength: 8 }), (texts) => {
        const clauses = texts.map((text, i) => ({
          ref: `1.${i + 1}`,
          heading: null,
          text,
          anchor: `clause-1-${i + 1}`,
          level: 2,
          parentRef: null,
          line: i + 1,
        }));
        const refs = new Set(clauses.map((c) => c.ref));
        const findings = checkPlainEnglish(clauses, {
          definedTerms: new Set(GLOSSARY),
          knownReferences: { clauseRefs: refs, artefactReferences: new Set() },
          vagueTerms: ['(', '*'],
          maxSentenceWords: 5,
        });
        for (const f of findings) {
          expect(refs.has(f.clauseRef)).to.equal(true);
          expect(f.excerpt).to.be.a('string').and.not.equal('');
        }
      }),
    );
  });
});

describe('extractDefinedTerms', () => {
  it('reads BSC Annex X-1 style definitions, tables, bold and colon entries', () => {
    const { clauses } = parseClauses(`ANNEX X-1: GENERAL GLOSSARY

1. DEFINITIONS

1.1.1 "Settlement Period" means a period of 30 minutes beginning on the hour or the half-hour.

1.1.2 “Metering System” means particular commissioned Metering Equipment.

1.1.3 "Trading Party": has the meaning given in Section A.

1.1.4 Terms and their meanings:

| Term | Definition |
| --- | --- |
| BM Unit | a unit established under Section K |
| "Half Hourly" | measured per Settlement Period |

**Data Collector**: a person appointed to collect data.

**Supplier Hub** means the principle that the Supplier is the main contact.

Settlement Day: a day from 00:00 to 24:00.

The Supplier Volume Allocation Agent (SVAA) allocates volumes.

1.1.5 A Party (the "Defaulting Party") shall pay.
`);
    const terms = extractDefinedTerms(clauses);
    expect([...terms]).to.include.members([
      'Settlement Period',
      'Metering System',
      'Trading Party',
      'BM Unit',
      'Half Hourly',
      'Data Collector',
      'Supplier Hub',
      'Settlement Day',
      'Supplier Volume Allocation Agent',
      'SVAA',
      'Defaulting Party',
    ]);
    expect(terms.has('Term')).to.equal(false);
    expect(terms.has('The Supplier Volume Allocation Agent')).to.equal(false);
  });
});

describe('referenceKeys', () => {
  it('files compound registry references under each part', () => {
    expect(referenceKeys('Section S Annex S-3')).to.have.members([
      'section s annex s-3',
      'section s',
      'annex s-3',
    ]);
    expect(referenceKeys('BSCP707 Appendix 1')).to.have.members(['bscp707 appendix 1', 'bscp707']);
    expect(referenceKeys('BSC COP 10')).to.have.members(['bsc cop 10']);
    expect(referenceKeys('Schedule XX')).to.have.members(['schedule xx']);
  });
});

describe('parsePlainEnglishConfig', () => {
  it('tolerates a missing or malformed stored value', () => {
    const empty = { definedTerms: [], vagueTerms: [], definitions: [] };
    expect(parsePlainEnglishConfig(undefined)).to.deep.equal(empty);
    expect(parsePlainEnglishConfig('{nope')).to.deep.equal(empty);
    expect(parsePlainEnglishConfig('{"definedTerms":["A",1],"vagueTerms":"x"}')).to.deep.equal({
      definedTerms: ['A'],
      vagueTerms: [],
      definitions: [],
    });
  });

  it('keeps well-formed term definitions with their source', () => {
    const definition = {
      term: 'BSC Party',
      definition: 'a person bound by the Code',
      findingId: 'f1',
      artefactId: 'a1',
      versionId: 'v1',
      clauseRef: '1.1.1',
      definedBy: 'u1',
      definedAt: '2026-01-01T00:00:00.000Z',
    };
    const stored = JSON.stringify({
      definedTerms: ['BSC Party'],
      definitions: [{ ...definition, extra: 1 }, { term: 'Half' }, 'x'],
    });
    expect(parsePlainEnglishConfig(stored).definitions).to.deep.equal([definition]);
  });
});
