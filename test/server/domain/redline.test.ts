import { expect } from 'chai';
import fc from 'fast-check';
import { alignClauses, clauseSuccessors } from '../../../server/domain/alignClauses.js';
import { parseClauses, type Clause } from '../../../server/domain/parseClauses.js';
import {
  computeRedline,
  redlineDocumentHtml,
  redlineSides,
} from '../../../server/domain/redline.js';

const clause = (ref: string, text: string, heading: string | null = null): Clause => ({
  ref,
  heading,
  text,
  anchor: `clause-${ref}`,
  level: ref.split('.').length,
  parentRef: null,
  line: 1,
});

const sides = (clauses: Clause[]) =>
  clauses.map((c) => ({
    ref: c.ref,
    content: c.heading === null ? c.text : `${c.heading}\n${c.text}`,
  }));

describe('computeRedline', () => {
  const v1 = [
    clause('1', '', 'GENERAL'),
    clause('1.1', 'The SVAA shall allocate volumes for each Settlement Period.'),
    clause('1.2', 'Suppliers shall submit data by the fifth Working Day.'),
    clause('1.3', 'This paragraph will be deleted entirely from the next draft.'),
  ];

  it('reports nothing changed between a version and itself', () => {
    const r = computeRedline(v1, v1);
    expect(r.stats).to.include({
      added: 0,
      removed: 0,
      modified: 0,
      moved: 0,
      renumbered: 0,
      unchanged: 4,
      wordsInserted: 0,
      wordsDeleted: 0,
    });
    expect(r.clauses.every((c) => c.change === 'unchanged')).to.equal(true);
  });

  it('marks word-level insertions and deletions inside a modified clause', () => {
    const v2 = [
      v1[0],
      clause('1.1', 'The SVAA shall allocate metered volumes for each Settlement Period.'),
      v1[2],
      v1[3],
    ] as Clause[];
    const r = computeRedline(v1, v2);
    const changed = r.clauses.filter((c) => c.change !== 'unchanged');
    expect(changed).to.have.length(1);
    expect(changed[0]).to.include({ ref: '1.1', change: 'modified' });
    expect(changed[0]?.html).to.include('<ins>metered </ins>');
    expect(r.stats).to.include({ modified: 1, wordsInserted: 1, wordsDeleted: 0 });
  });

  it('follows renumbered clauses after an insertion instead of rewriting every later clause', () => {
    const v2 = [
      v1[0],
      clause('1.1', 'A brand new opening paragraph about Market-wide Half Hourly Settlement.'),
      clause('1.2', 'The SVAA shall allocate volumes for each Settlement Period.'),
      clause('1.3', 'Suppliers shall submit data by the fourth Working Day.'),
    ] as Clause[];
    const r = computeRedline(v1, v2);
    const byRef = new Map(r.clauses.map((c) => [`${c.change}:${c.fromRef ?? ''}>${c.ref}`, c]));
    expect([...byRef.keys()]).to.have.members([
      'unchanged:>1',
      'added:>1.1',
      'renumbered:1.1>1.2',
      'modified:1.2>1.3',
      'removed:>1.3',
    ]);
    const edited = r.clauses.find((c) => c.fromRef === '1.2');
    expect(edited?.textChanged).to.equal(true);
    expect(edited?.html)
      .to.match(/<del>fifth\s*<\/del>/)
      .and.match(/<ins>fourth\s*<\/ins>/);
    expect(r.stats).to.include({
      added: 1,
      removed: 1,
      modified: 1,
      renumbered: 1,
      moved: 0,
      unchanged: 1,
    });
    expect(r.mapping).to.deep.equal([
      { fromRef: '1', toRef: '1', change: 'unchanged' },
      { fromRef: null, toRef: '1.1', change: 'added' },
      { fromRef: '1.1', toRef: '1.2', change: 'renumbered' },
      { fromRef: '1.2', toRef: '1.3', change: 'modified' },
      { fromRef: '1.3', toRef: null, change: 'removed' },
    ]);
  });

  it('shows a removed clause where it stood', () => {
    const v2 = [v1[0], v1[1], v1[3]] as Clause[];
    const r = computeRedline(v1, v2);
    expect(r.clauses.map((c) => `${c.change}:${c.fromRef ?? c.ref}`)).to.deep.equal([
      'unchanged:1',
      'unchanged:1.1',
      'removed:1.2',
      'unchanged:1.3',
    ]);
  });

  it('treats a clause rewritten in place as modified', () => {
    const v2 = [
      v1[0],
      v1[1],
      clause('1.2', 'Entirely different words now stand here instead.'),
      v1[3],
    ] as Clause[];
    const r = computeRedline(v1, v2);
    expect(r.clauses.find((c) => c.ref === '1.2')?.change).to.equal('modified');
  });

  it('escapes markup in clause text', () => {
    const v2 = [clause('1', '<script>alert(1)</script> & more', 'GENERAL')];
    const html = redlineDocumentHtml(computeRedline(v1.slice(0, 1), v2));
    expect(html).to.not.include('<script>');
    expect(html).to.include('&#60;script&#62;');
  });

  it('works on parsed legal text', () => {
    const a = parseClauses(
      '1. GENERAL\n\n1.1.1 Volumes are allocated daily.\n\n1.1.2 Data is sent by agents.',
    );
    const b = parseClauses(
      '1. GENERAL\n\n1.1.1 Volumes are allocated every day.\n\n1.1.2 Data is sent by agents.',
    );
    const r = computeRedline(a.clauses, b.clauses);
    expect(r.stats).to.include({ modified: 1, unchanged: 2 });
  });

  describe('exactness (property-based)', () => {
    const word = fc.constantFrom(
      'the',
      'supplier',
      'shall',
      'submit',
      'data',
      'to',
      'SVAA',
      'each',
      'period',
      'metering',
      'system',
      'and',
      'or',
      'within',
      'days',
      'BSC',
      'party',
      'agent',
      '(a)',
      'volume',
    );
    const text = fc.array(word, { minLength: 0, maxLength: 25 }).map((w) => w.join(' '));
    const doc = fc
      .array(fc.record({ text, heading: fc.option(text, { nil: null }) }), {
        minLength: 0,
        maxLength: 30,
      })
      .map((items) => items.map((it, i) => clause(`${i + 1}`, it.text, it.heading)));
    type Edit =
      | { kind: 'modify'; at: number; text: string }
      | { kind: 'insert'; at: number; text: string }
      | { kind: 'delete'; at: number }
      | { kind: 'move'; at: number; to: number }
      | { kind: 'renumber' };
    const edit: fc.Arbitrary<Edit> = fc.oneof(
      fc.record({ kind: fc.constant('modify' as const), at: fc.nat(), text }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('move' as const), at: fc.nat(), to: fc.nat() }),
      fc.constant({ kind: 'renumber' as const }),
    );
    const apply = (clauses: Clause[], edits: Edit[]): Clause[] => {
      let out = clauses.map((c) => ({ ...c }));
      let fresh = 1000;
      for (const e of edits) {
        if (e.kind === 'renumber') {
          out = out.map((c, i) => ({ ...c, ref: `${i + 1}` }));
          continue;
        }
        if (e.kind === 'insert') {
          out.splice(e.at % (out.length + 1), 0, clause(`${fresh++}`, e.text));
          continue;
        }
        if (out.length === 0) continue;
        const at = e.at % out.length;
        if (e.kind === 'modify') out[at] = { ...(out[at] as Clause), text: e.text };
        if (e.kind === 'delete') out.splice(at, 1);
        if (e.kind === 'move') {
          const [moved] = out.splice(at, 1);
          if (moved) out.splice(e.to % (out.length + 1), 0, moved);
        }
      }
      return out;
    };

    it('rebuilds both versions exactly from the redline', () => {
      fc.assert(
        fc.property(doc, fc.array(edit, { maxLength: 8 }), (before, edits) => {
          const after = apply(before, edits);
          const rebuilt = redlineSides(computeRedline(before, after));
          expect(rebuilt.from).to.deep.equal(sides(before));
          expect(rebuilt.to).to.deep.equal(sides(after));
        }),
        { numRuns: 300 },
      );
    });

    it('maps every old clause to a successor or to none, pairing one to one', () => {
      fc.assert(
        fc.property(doc, fc.array(edit, { maxLength: 8 }), (before, edits) => {
          const after = apply(before, edits);
          const successors = clauseSuccessors(before, after);
          expect(successors.size).to.equal(new Set(before.map((c) => c.ref)).size);
          const { pairs, removed, added, mergedInto } = alignClauses(before, after);
          expect(new Set(pairs.map((p) => p.to)).size).to.equal(pairs.length);
          expect(new Set(pairs.map((p) => p.from)).size).to.equal(pairs.length);
          expect(pairs.length + removed.length).to.equal(before.length);
          expect(pairs.length + added.length).to.equal(after.length);
          // Only a merged clause shares its successor with another.
          for (const i of removed) {
            const into = mergedInto.get(i);
            expect(successors.get(before[i]?.ref ?? '')?.ref ?? null).to.equal(
              into === undefined ? null : (after[into]?.ref ?? null),
            );
          }
        }),
        { numRuns: 200 },
      );
    });
  });
});

describe('clauseSuccessors', () => {
  it('says where a clause went and whether its text changed', () => {
    const v1 = [
      clause('3.1', 'Alpha beta gamma delta epsilon.'),
      clause('3.2', 'Suppliers shall notify the SVAA of each change.'),
    ];
    const v2 = [
      clause('3.1', 'Alpha beta gamma delta epsilon.'),
      clause('3.2', 'A new clause about something else entirely, nothing shared.'),
      clause('3.3', 'Suppliers shall promptly notify the SVAA of each change.'),
    ];
    const map = clauseSuccessors(v1, v2);
    expect(map.get('3.1')).to.deep.equal({ ref: '3.1', textChanged: false });
    expect(map.get('3.2')).to.deep.equal({ ref: '3.3', textChanged: true });
  });
});
