import { MAX_COMMENT_LENGTH } from '../../../server/domain/commentLifecycle.js';
import { expect } from 'chai';
import {
  ambiguousClause,
  artefactLabels,
  artefactResolver,
  clauseMismatch,
  clauseRefsMeant,
  COMMENT_LOG_COLUMNS,
  commentLogRecord,
  guardCell,
  guardTextCell,
  importedCommentRef,
  logRecordFrom,
  organisationResolver,
  parseLogDate,
  readLogHeader,
  systemRefNumber,
  unguardCell,
  validateLogRecord,
  validateLogRecords,
  type ImportArtefact,
  type ImportContext,
  type LogRecord,
} from '../../../server/domain/commentLog/index.js';

const artefact = (
  id: string,
  code: string,
  reference: string,
  title: string,
  clauses: string[] = ['1', '1.1', '1.1.1'],
): ImportArtefact => ({
  id,
  label: reference,
  slug: `${code}-${title}`.toLowerCase().replace(/\W+/g, '-'),
  code,
  reference,
  title,
  currentVersionId: clauses.length ? `v-${id}` : null,
  currentVersionLabel: clauses.length ? 'v1' : null,
  versions: new Map(
    clauses.length
      ? [
          [
            'v1',
            {
              id: `v-${id}`,
              label: 'v1',
              baselined: false,
              clauses: new Map(
                clauses.map((ref) => [ref, { heading: null, text: `Text of clause ${ref}.` }]),
              ),
            },
          ],
        ]
      : [],
  ),
});

const REGISTRY = [
  artefact('s', 'BSC', 'Section S', 'Supplier Volume Allocation'),
  artefact('dic', 'REC', 'Data Specification', 'Data Item Catalogue'),
  artefact('mmc', 'REC', 'Data Specification', 'Market Message Catalogue'),
  artefact('ees', 'REC', 'Service Specification', 'Electricity Enquiry Service Definition'),
  artefact('e', 'BSC', 'Section E', 'BSC Agents', []),
];
const ORGANISATIONS = [
  { id: 'o1', name: 'Acme Energy Ltd' },
  { id: 'o2', name: 'Northern Networks plc' },
];
const NOW = new Date('2025-06-01T12:00:00Z');

const context = (code: string | null = null): ImportContext => ({
  resolveArtefact: artefactResolver(REGISTRY),
  resolveOrganisation: organisationResolver(ORGANISATIONS),
  resolveChange: (id) =>
    id.toUpperCase() === 'CR053'
      ? { ok: true, value: 'CR053' }
      : { ok: false, message: `no change "${id}" in the change register` },
  textProblem: () => null,
  permissionProblem: (a) => (code && a.code !== code ? `not ${code}: ${a.reference}` : null),
  lastCommentNumber: 123,
  now: NOW,
});

const record = (cells: Partial<LogRecord> = {}): LogRecord => ({
  ID: '',
  Artefact: 'Section S',
  Version: '',
  Clause: '1.1.1',
  Quote: '',
  Category: 'drafting',
  Severity: '',
  Comment: 'Please clarify.',
  'Proposed text': '',
  Organisation: 'Acme Energy Ltd',
  'Raised by': '',
  'Raised on': '',
  Confidential: '',
  Status: '',
  'Code body response': '',
  Change: '',
  Action: '',
  'Decided by': '',
  'Decided at': '',
  Revision: '',
  ...cells,
});

const problemsOf = (cells: Partial<LogRecord>, ctx = context()) =>
  validateLogRecord(7, record(cells), ctx).problems.map((p) => `${p.column}: ${p.message}`);

describe('comment log', () => {
  it('has the industry columns in order', () => {
    expect(COMMENT_LOG_COLUMNS).to.deep.equal([
      'ID',
      'Artefact',
      'Version',
      'Clause',
      'Quote',
      'Category',
      'Severity',
      'Comment',
      'Proposed text',
      'Organisation',
      'Raised by',
      'Raised on',
      'Confidential',
      'Status',
      'Code body response',
      'Change',
      'Action',
      'Decided by',
      'Decided at',
      'Revision',
    ]);
  });

  describe('artefact labels', () => {
    it('uses the reference when unique, otherwise "reference: title"', () => {
      const labels = artefactLabels(REGISTRY);
      expect(labels.get('s')).to.equal('Section S');
      expect(labels.get('dic')).to.equal('Data Specification: Data Item Catalogue');
      expect(labels.get('mmc')).to.equal('Data Specification: Market Message Catalogue');
      expect(labels.get('ees')).to.equal('Service Specification');
    });

    it('resolves a reference, a long label or a slug, ignoring case and spacing', () => {
      const resolve = artefactResolver(REGISTRY);
      const idOf = (label: string) => {
        const found = resolve(label);
        return found.ok ? found.value.id : found.message;
      };
      expect(idOf('Section S')).to.equal('s');
      expect(idOf('  section   s ')).to.equal('s');
      expect(idOf('Data Specification: Market Message Catalogue')).to.equal('mmc');
      expect(idOf('data specification :market message catalogue')).to.equal('mmc');
      expect(idOf('rec-data-item-catalogue')).to.equal('dic');
      expect(idOf('Data Specification')).to.match(/names 2 artefacts.*"Data Specification: Data/);
      expect(idOf('Section Z')).to.equal('no artefact "Section Z" in the registry');
    });

    it('round-trips every label it writes', () => {
      const resolve = artefactResolver(REGISTRY);
      for (const [id, label] of artefactLabels(REGISTRY)) {
        const found = resolve(label);
        expect(found.ok && found.value.id, label).to.equal(id);
      }
    });
  });

  describe('export', () => {
    it('maps a comment to its row in words and London times, blanks for missing values', () => {
      const row = commentLogRecord(
        {
          ref: 'C-000042',
          artefactId: 's',
          versionLabel: 'v2.1',
          clauseRef: '2.10',
          quote: 'the Supplier shall',
          category: 'design-mismatch',
          severity: 'high',
          body: 'Text',
          proposedText: null,
          organisationName: null,
          raisedBy: 'Priya Participant',
          createdAt: '2025-01-15T09:05:00.000Z',
          confidential: true,
          status: 'partially-accepted',
          response: 'In part.',
          changeId: 'CR053',
          action: 'Redraft 2.10',
          decidedByName: 'Elexon',
          decidedAt: '2025-05-01T10:00:00.000Z',
          revision: 3,
        },
        'Section S',
      );
      expect(row).to.deep.equal({
        ID: 'C-000042',
        Artefact: 'Section S',
        Version: 'v2.1',
        Clause: '2.10',
        Quote: 'the Supplier shall',
        Category: 'Design mismatch',
        Severity: 'High',
        Comment: 'Text',
        'Proposed text': '',
        Organisation: '',
        'Raised by': 'Priya Participant',
        // GMT in January, BST in May.
        'Raised on': '15/01/2025 09:05',
        Confidential: 'Yes',
        Status: 'Partially accepted',
        'Code body response': 'In part.',
        Change: 'CR053',
        Action: 'Redraft 2.10',
        'Decided by': 'Elexon',
        'Decided at': '01/05/2025 11:00',
        Revision: '3',
      });
    });

    it('keeps number-like text as text behind an apostrophe, and undoes it on import', () => {
      for (const ref of ['2.10', '2.100', '1000.2', '10.1.1', '1,000', '05/06', '1e5', '42']) {
        expect(guardTextCell(ref), ref).to.equal(`'${ref}`);
        expect(unguardCell(guardTextCell(ref)), ref).to.equal(ref);
      }
      for (const text of ['Annex X-1 paragraph 3', 'v1.10', 'CR053', 'Section 2.10']) {
        expect(guardTextCell(text), text).to.equal(text);
        expect(unguardCell(text), text).to.equal(text);
      }
      expect(guardTextCell('=1+1')).to.equal("'=1+1");
    });

    it('guards cells a spreadsheet would run as formulas, and undoes it on import', () => {
      for (const risky of ['=1+1', '+44 20', '-2', '@SUM(A1)', '\tx', '\rx']) {
        expect(guardCell(risky)).to.equal(`'${risky}`);
        expect(unguardCell(guardCell(risky))).to.equal(risky);
      }
      for (const safe of ['Plain', "'quoted", 'a=b', '']) {
        expect(guardCell(safe)).to.equal(safe);
        expect(unguardCell(safe)).to.equal(safe);
      }
    });

    it('guards formulas behind a line feed, carriage return, tab or spaces, and full-width signs', () => {
      const risky = [
        '\n=HYPERLINK("http://evil.example")',
        '\r\n=1',
        '\t@SUM(A1)',
        '\nplain after a line feed',
        ' =1+1',
        '   +44 20',
        '  -2',
        ' @SUM(A1)',
        '\u00a0=1',
        '\uff1d1+1',
        '\uff0b44',
        '\uff0d2',
        '\uff20SUM(A1)',
        ' \uff1d1',
      ];
      for (const cell of risky) {
        expect(guardCell(cell), JSON.stringify(cell)).to.equal(`'${cell}`);
        expect(unguardCell(guardCell(cell)), JSON.stringify(cell)).to.equal(cell);
      }
      for (const safe of [' plain', 'a \uff1d b', ' 1 = 1', '\uff01']) {
        expect(guardCell(safe), JSON.stringify(safe)).to.equal(safe);
      }
    });
  });

  describe('clause refs a spreadsheet may have made numbers of', () => {
    const refs = ['2.1', '2.10', '2.100', '3.20', '10.1.1', '1000.2', 'Annex X-1 paragraph 3'];
    it('trusts text, and a number only when no other clause becomes that number', () => {
      expect(ambiguousClause('2.1', false, refs)).to.equal(null);
      expect(ambiguousClause('2.10', false, refs)).to.equal(null);
      expect(ambiguousClause('10.1.1', true, refs)).to.equal(null);
      expect(ambiguousClause('1000.2', true, refs)).to.equal(null);
      expect(ambiguousClause('Annex X-1 paragraph 3', false, refs)).to.equal(null);
      expect(ambiguousClause('2.1', true, refs)).to.match(/may be clause 2\.1 or 2\.10 or 2\.100/);
      expect(ambiguousClause('3.2', true, refs)).to.match(
        /clause "3\.2" does not exist, but 3\.20 does/,
      );
      expect(ambiguousClause('9.9', true, refs)).to.equal(null); // left to "does not exist"
      expect(clauseRefsMeant('2.1', true, refs)).to.deep.equal(['2.1', '2.10', '2.100']);
    });

    it("holds a row to its comment's own clause, naming a spreadsheet's rewrite", () => {
      expect(clauseMismatch('2.10', false, '2.10')).to.equal(null);
      expect(clauseMismatch('2.1', true, '2.10')).to.match(
        /the number a spreadsheet makes of clause 2\.10/,
      );
      expect(clauseMismatch('2.1', false, '2.10')).to.match(/is on clause 2\.10, not "2\.1"/);
      expect(clauseMismatch('10.1.2', false, '10.1.1')).to.match(/cannot move to another clause/);
    });

    it('refuses an ambiguous bare-number clause on a new row, naming the candidates', () => {
      const registry = [artefact('x', 'BSC', 'Section X', 'Numbers', refs)];
      const ctx = { ...context(), resolveArtefact: artefactResolver(registry) };
      const rec = record({ Artefact: 'Section X', Clause: '2.1' });
      const asNumber = validateLogRecord(7, rec, ctx, new Set(['Clause']));
      expect(asNumber.problems.map((p) => p.column)).to.deep.equal(['Clause']);
      expect(asNumber.problems[0]?.message).to.match(/may be clause 2\.1 or 2\.10 or 2\.100/);
      expect(validateLogRecord(7, rec, ctx).value?.clauseRef).to.equal('2.1');
    });
  });

  describe('import header', () => {
    it('matches columns ignoring case and spaces, ignores others, names what is missing', () => {
      const header = readLogHeader([' id ', 'ARTEFACT', 'Notes', 'clause', 'Comment', 'comment']);
      expect(header.columns.get('ID')).to.equal(0);
      expect(header.columns.get('Clause')).to.equal(3);
      expect(header.missing).to.deep.equal(['Category', 'Organisation']);
      expect(header.repeated).to.deep.equal(['Comment']);
      const rec = logRecordFrom(['x', ' Section S ', 'n', "'=1.1", 'c'], header);
      expect(rec).to.include({ ID: 'x', Artefact: 'Section S', Clause: '=1.1', Severity: '' });
    });
  });

  describe('row validation', () => {
    it('accepts a minimal row with defaults: medium, open, derived id', () => {
      const { value, problems } = validateLogRecord(2, record(), context());
      expect(problems).to.deep.equal([]);
      expect(value).to.include({
        row: 2,
        severity: 'medium',
        status: 'open',
        versionId: 'v-s',
        response: null,
        decidedAt: null,
      });
      expect(value?.organisation).to.deep.equal(ORGANISATIONS[0]);
      expect(value?.ref).to.match(/^IMP-[0-9a-f]{10}$/);
      expect(value?.ref).to.equal(
        importedCommentRef({
          artefact: 'bsc-supplier-volume-allocation',
          clause: '1.1.1',
          organisation: 'Acme Energy Ltd',
          comment: 'Please clarify.',
        }),
      );
    });

    it('derives the same id for the same row, another for another comment', () => {
      const ref = (cells: Partial<LogRecord>) => validateLogRecord(2, record(cells), context());
      expect(ref({}).value?.ref).to.equal(
        ref({ Artefact: 'BSC-supplier-volume-allocation' }).value?.ref,
      );
      expect(ref({}).value?.ref).to.not.equal(ref({ Comment: 'Other' }).value?.ref);
      expect(ref({ ID: 'LOG-7' }).value?.ref).to.equal('LOG-7');
    });

    it('reads vocabulary as people type it', () => {
      const { value } = validateLogRecord(
        2,
        record({
          Category: 'Plain English',
          Severity: 'HIGH',
          Status: 'Partially accepted',
          'Code body response': 'In part.',
          Organisation: 'acme energy ltd',
        }),
        context(),
      );
      expect(value).to.include({
        category: 'plain-english',
        severity: 'high',
        status: 'partially-accepted',
        response: 'In part.',
      });
      expect(value?.organisation?.id).to.equal('o1');
    });

    it('allows a blank organisation (programme or code body comment)', () => {
      const { value, problems } = validateLogRecord(2, record({ Organisation: '' }), context());
      expect(problems).to.deep.equal([]);
      expect(value?.organisation).to.equal(null);
    });

    it('reports every problem of a row, naming the column', () => {
      expect(
        problemsOf({
          Artefact: 'Section Z',
          Category: 'typo',
          Severity: 'urgent',
          Comment: '',
          Organisation: 'Nobody Ltd',
          Status: 'closed',
        }),
      ).to.deep.equal([
        'Artefact: no artefact "Section Z" in the registry',
        'Category: "typo" is not one of drafting, legal, design-mismatch, plain-english, consequential, other',
        'Severity: "urgent" is not one of low, medium, high',
        'Comment: must not be empty',
        'Organisation: no organisation named "Nobody Ltd"',
        'Status: "closed" is not one of open, triaged, accepted, partially-accepted, rejected, deferred, duplicate',
      ]);
    });

    it('checks the clause against the current version, and needs a version', () => {
      expect(problemsOf({ Clause: '9.9' })).to.deep.equal([
        'Clause: clause "9.9" does not exist in version v1 of Section S',
      ]);
      expect(problemsOf({ Artefact: 'Section E' })).to.deep.equal([
        'Artefact: Section E has no published version to comment on',
      ]);
      expect(problemsOf({ Clause: '' })).to.deep.equal(['Clause: is required']);
    });

    it('applies the lifecycle: responses for rejected, partially-accepted and deferred; no withdrawn', () => {
      for (const status of ['rejected', 'partially-accepted', 'deferred']) {
        expect(problemsOf({ Status: status })).to.deep.equal([
          `Code body response: a written response is required for a ${status} comment`,
        ]);
      }
      expect(problemsOf({ Status: 'accepted' })).to.deep.equal([]);
      expect(problemsOf({ Status: 'withdrawn' })).to.deep.equal([
        'Status: withdrawn comments are not imported; remove the row',
      ]);
      expect(problemsOf({ 'Code body response': 'Noted' })).to.have.length(1);
    });

    it('limits text lengths', () => {
      const long = 'x'.repeat(MAX_COMMENT_LENGTH + 1);
      expect(problemsOf({ Comment: long, 'Proposed text': long, ID: long })).to.deep.equal([
        'ID: must be at most 100 characters',
        'Comment: must be at most 20,000 characters',
        'Proposed text: must be at most 20,000 characters',
      ]);
      expect(problemsOf({ Comment: 'x'.repeat(MAX_COMMENT_LENGTH) })).to.deep.equal([]);
    });

    it("refuses an artefact of another code when the importer's permission says so", () => {
      expect(problemsOf({ Artefact: 'Service Specification' }, context('BSC'))).to.deep.equal([
        'Artefact: not BSC: Service Specification',
      ]);
    });

    it('carries the decision: decided by and a valid decided at, else blanks', () => {
      const decided = validateLogRecord(
        2,
        record({
          Status: 'rejected',
          'Code body response': 'Out of scope',
          'Decided by': 'RECCo panel',
          'Decided at': '02/05/2025 14:30',
        }),
        context(),
      ).value;
      // A UK date is London time: 14:30 BST is 13:30 UTC.
      expect(decided).to.include({
        decidedByName: 'RECCo panel',
        decidedAt: '2025-05-02T13:30:00.000Z',
      });
      const blank = validateLogRecord(2, record({ Status: 'accepted' }), context()).value;
      expect(blank).to.include({ decidedByName: null, decidedAt: null });
    });

    it('refuses a "Decided at" that is not a date, before 2000 or in the future, naming it', () => {
      expect(problemsOf({ Status: 'accepted', 'Decided at': 'last week' })).to.deep.equal([
        'Decided at: "last week" is not a date; write it as 2025-01-15 or 15/01/2025, a time may follow',
      ]);
      expect(problemsOf({ Status: 'accepted', 'Decided at': '31/02/2025' })).to.have.length(1);
      expect(problemsOf({ Status: 'accepted', 'Decided at': '1999-12-31' })).to.deep.equal([
        'Decided at: "1999-12-31" is before 2000',
      ]);
      // NOW is 2025-06-01T12:00Z; a day's grace for time zones.
      expect(problemsOf({ Status: 'accepted', 'Decided at': '2025-06-03' })).to.deep.equal([
        'Decided at: "2025-06-03" is in the future',
      ]);
      expect(problemsOf({ Status: 'accepted', 'Decided at': '2025-06-02' })).to.deep.equal([]);
    });

    it("bounds IDs in this system's numbering to the counter's reach", () => {
      // The context's counter stands at 123; one file may hold at most 50,000 rows.
      expect(problemsOf({ ID: 'C-050123' })).to.deep.equal([]);
      expect(problemsOf({ ID: 'C-050124' })).to.deep.equal([
        'ID: "C-050124" is in this system\'s numbering but far beyond the last number it issued (123): such IDs may run at most 50,000 past it. Leave the ID blank to have one derived, or use your own prefix',
      ]);
      expect(problemsOf({ ID: 'C-999999999' })).to.have.length(1);
      // Not a form the counter writes, so never in its way.
      for (const id of ['C-99', 'C-0999999999', 'c-999999', 'EXT-999999999']) {
        expect(problemsOf({ ID: id }), id).to.deep.equal([]);
      }
      expect(systemRefNumber('C-000123')).to.equal(123);
      expect(systemRefNumber('C-1234567')).to.equal(1234567);
      expect(systemRefNumber('C-0001234567')).to.equal(null);
      expect(systemRefNumber('C-000000')).to.equal(null);
    });

    it('refuses control characters in any cell, naming the column and code point', () => {
      expect(
        problemsOf({ Comment: 'Bad \u0093quote\u0094', 'Decided by': 'X\u0000', Clause: '1.1.1' }),
      ).to.deep.equal([
        'Comment: contains the control character U+0093 at position 5; if the file was saved in another encoding, save it as UTF-8 CSV',
        'Decided by: contains the control character U+0000 at position 2; if the file was saved in another encoding, save it as UTF-8 CSV',
      ]);
      // Line breaks and tabs are text.
      expect(problemsOf({ Comment: 'Line one\nLine two\tend' })).to.deep.equal([]);
    });

    it('refuses two rows that are the same comment, by ID or by content', () => {
      const { rows, problems } = validateLogRecords(
        [
          { row: 2, record: record({ ID: 'A-1' }) },
          { row: 3, record: record({ ID: 'A-1', Comment: 'Other' }) },
          { row: 4, record: record() },
          { row: 5, record: record({ Severity: 'high' }) },
          { row: 6, record: record({ Clause: 'nope' }) },
        ],
        context(),
      );
      expect(rows.map((r) => r.row)).to.deep.equal([2, 4]);
      expect(problems.map((p) => [p.row, p.column])).to.deep.equal([
        [3, 'ID'],
        [5, 'ID'],
        [6, 'Clause'],
      ]);
      expect(problems[0]?.message).to.equal('ID "A-1" is already used on row 2');
      expect(problems[1]?.message).to.match(/^repeats row 4/);
    });
  });

  describe('import of the full log', () => {
    it('reads words as well as codes: categories, severities, statuses, yes and no', () => {
      const { value, problems } = validateLogRecord(
        3,
        record({
          Category: 'Design mismatch',
          Severity: 'High',
          Status: 'Partially accepted',
          'Code body response': 'In part.',
          Confidential: 'Yes',
        }),
        context(),
      );
      expect(problems).to.deep.equal([]);
      expect(value).to.include({
        category: 'design-mismatch',
        severity: 'high',
        status: 'partially-accepted',
        confidential: true,
      });
      for (const [cell, expected] of [
        ['No', false],
        ['', false],
        ['TRUE', true],
        ['n', false],
      ] as const) {
        expect(
          validateLogRecord(3, record({ Confidential: cell }), context()).value?.confidential,
          cell,
        ).to.equal(expected);
      }
      expect(problemsOf({ Confidential: 'maybe' })).to.deep.equal([
        'Confidential: "maybe" is not Yes or No',
      ]);
    });

    it('keeps who raised it and when, in London time', () => {
      const { value } = validateLogRecord(
        3,
        record({ 'Raised by': 'Priya Participant', 'Raised on': '21/08/2024 14:05' }),
        context(),
      );
      expect(value).to.include({
        raisedByName: 'Priya Participant',
        raisedOn: '2024-08-21T13:05:00.000Z',
      });
      expect(problemsOf({ 'Raised on': 'yesterday' })).to.deep.equal([
        'Raised on: "yesterday" is not a date; write it as 2025-01-15 or 15/01/2025, a time may follow',
      ]);
      expect(problemsOf({ 'Raised by': 'x'.repeat(201) })).to.deep.equal([
        'Raised by: must be at most 200 characters',
      ]);
    });

    it("checks the version named and the quote against that version's clause", () => {
      expect(problemsOf({ Version: 'v1', Quote: 'clause 1.1.1' })).to.deep.equal([]);
      expect(problemsOf({ Version: 'v9' })).to.deep.equal([
        'Version: Section S has no version "v9"',
      ]);
      expect(problemsOf({ Quote: 'not in the text' })).to.deep.equal([
        'Quote: the quoted text does not occur in clause 1.1.1',
      ]);
      const { value } = validateLogRecord(3, record({ Quote: 'Text of   clause' }), context());
      expect(value?.quote).to.equal('Text of   clause');
    });

    it('links a decided comment to a registered change and action, never an open one', () => {
      const decided = {
        Status: 'accepted',
        'Code body response': 'Agreed',
      };
      const { value } = validateLogRecord(
        3,
        record({ ...decided, Change: 'cr053', Action: 'Redraft clause 1.1.1' }),
        context(),
      );
      expect(value).to.include({ changeId: 'CR053', action: 'Redraft clause 1.1.1' });
      expect(problemsOf({ ...decided, Change: 'CR999' })).to.deep.equal([
        'Change: no change "CR999" in the change register',
      ]);
      expect(problemsOf({ Change: 'CR053', Action: 'Do it' })).to.deep.equal([
        'Change: an open comment is not linked to a change yet',
        'Action: an open comment has no action yet',
      ]);
    });
  });

  describe('dates', () => {
    it('reads ISO dates as UTC unless zoned, UK dates as London time, and nothing implausible', () => {
      const cases: [string, string | null][] = [
        ['2025-05-02T14:30:00.000Z', '2025-05-02T14:30:00.000Z'],
        ['2025-05-02T15:30:00+01:00', '2025-05-02T14:30:00.000Z'],
        ['2025-05-02 14:30', '2025-05-02T14:30:00.000Z'],
        ['2025-05-02', '2025-05-02T00:00:00.000Z'],
        ['2/5/2025', '2025-05-01T23:00:00.000Z'],
        ['02/05/2025 14:30', '2025-05-02T13:30:00.000Z'],
        ['15/01/2025 09:05', '2025-01-15T09:05:00.000Z'],
        ['31/02/2025', null],
        ['2025-13-01', null],
        ['1999-12-31', null],
        ['2030-01-01', null],
        ['soon', null],
        ['', null],
      ];
      for (const [text, expected] of cases)
        expect(parseLogDate(text, NOW), text).to.equal(expected);
    });
  });
});
