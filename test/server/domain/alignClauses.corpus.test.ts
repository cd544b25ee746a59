import { expect } from 'chai';
import { clauseSuccessors } from '../../../server/domain/alignClauses.js';
import { parseClauses } from '../../../server/domain/parseClauses.js';
import { computeRedline } from '../../../server/domain/redline.js';
import { BSCP502, BSCP502_TEXT } from '../../fixtures/legalCorpus/bscp502.js';
import {
  mappingMismatches,
  placementMismatches,
  report,
  statsMismatches,
} from '../../fixtures/legalCorpus/compare.js';
import { Draft } from '../../fixtures/legalCorpus/draft.js';
import { layout, type RenderedClause } from '../../fixtures/legalCorpus/model.js';
import { SCENARIOS } from '../../fixtures/legalCorpus/scenarios.js';
import { SECTION_S, SECTION_S_TEXT } from '../../fixtures/legalCorpus/sectionS.js';

/** Every way the parsed text differs from the structure it was rendered from. */
function parseMismatches(text: string, expected: RenderedClause[]): string[] {
  const parsed = parseClauses(text).clauses;
  const problems: string[] = [];
  if (parsed.length !== expected.length)
    problems.push(`${parsed.length} clauses parsed, ${expected.length} in the structure`);
  expected.forEach((e, i) => {
    const p = parsed[i];
    const want = { ref: e.ref, heading: e.heading, text: e.text, level: e.level };
    const got = p && { ref: p.ref, heading: p.heading, text: p.text, level: p.level };
    if (JSON.stringify(got) !== JSON.stringify(want))
      problems.push(
        `clause ${i} (${e.id}): expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`,
      );
  });
  return problems;
}

describe('clause alignment against the legal corpus', () => {
  describe('the corpus', () => {
    it('renders Section S as 150-170 clauses that parseClauses reads exactly as structured', () => {
      const doc = parseClauses(SECTION_S_TEXT);
      expect(doc.title).to.equal('SECTION S: SUPPLIER VOLUME ALLOCATION');
      expect(doc.preamble).to.equal('');
      expect(doc.clauses.length).to.be.within(150, 170);
      expect(parseMismatches(SECTION_S_TEXT, layout(SECTION_S))).to.deep.equal([]);
      const refs = doc.clauses.map((c) => c.ref);
      expect(refs).to.include.members([
        '1',
        '1.1',
        '1.1.1(c)(ii)',
        '2.2.1',
        'Annex S-1',
        'Annex S-1 2.1',
        'Annex S-1 3.1(b)',
      ]);
      expect(doc.clauses.filter((c) => c.text === 'Not used.').length).to.be.at.least(5);
      expect(doc.clauses.find((c) => c.ref === 'Annex S-1 2.1')?.text).to.include('| SP01 |');
    });

    it('renders BSCP502 as structured', () => {
      expect(parseClauses(BSCP502_TEXT).title).to.match(/^BSCP502: /);
      expect(parseMismatches(BSCP502_TEXT, layout(BSCP502))).to.deep.equal([]);
    });

    it('renders every scenario version as structured, with a ground truth for every clause', () => {
      const problems = SCENARIOS.flatMap((s) => {
        const from = parseClauses(s.base).clauses.map((c) => c.ref);
        const to = parseClauses(s.edited).clauses.map((c) => c.ref);
        const mappedFrom = s.mapping.flatMap((m) => (m.fromRef === null ? [] : [m.fromRef]));
        const mappedTo = s.mapping.flatMap((m) => (m.toRef === null ? [] : [m.toRef]));
        return [
          ...parseMismatches(s.base, s.baseClauses),
          ...parseMismatches(s.edited, s.editedClauses),
          ...(JSON.stringify(mappedFrom) === JSON.stringify(from) ? [] : ['base refs differ']),
          ...(JSON.stringify([...mappedTo].sort()) === JSON.stringify([...to].sort())
            ? []
            : ['edited refs differ']),
          ...(s.placements.map((p) => p.fromRef).join() === from.join() ? [] : ['placements']),
        ].map((p) => `${s.name}: ${p}`);
      });
      expect(problems).to.deep.equal([]);
    });
  });

  describe('the ground truth', () => {
    const named = (name: string) => {
      const s = SCENARIOS.find((x) => x.name === name);
      if (!s) throw new Error(`no scenario ${name}`);
      return s;
    };

    it('follows identities through renumbering, edits, merges and splits (spot checks)', () => {
      expect(named('insert-before-similar-collectors').mapping).to.deep.include.members([
        { fromRef: null, toRef: '2.2.1', change: 'added' },
        { fromRef: '2.2.1', toRef: '2.2.2', change: 'modified' },
        { fromRef: '2.2.2', toRef: '2.2.3', change: 'modified' },
        { fromRef: '2.2.3', toRef: '2.2.4', change: 'renumbered' },
        { fromRef: '1.3.3', toRef: '1.3.3', change: 'modified' },
      ]);
      expect(named('merge-into-previous').placements).to.deep.include.members([
        { fromRef: '2.1.1', anchorRef: '2.1.1', textChanged: true },
        { fromRef: '2.1.2', anchorRef: '2.1.1', textChanged: true },
        { fromRef: '2.1.3', anchorRef: '2.1.2', textChanged: false },
      ]);
      expect(named('merge-into-previous').mapping).to.deep.include({
        fromRef: '2.1.2',
        toRef: null,
        change: 'removed',
      });
      expect(named('split-in-two').mapping).to.deep.include.members([
        { fromRef: '3.4.2', toRef: '3.4.2', change: 'modified' },
        { fromRef: null, toRef: '3.4.3', change: 'added' },
        { fromRef: '3.4.3', toRef: '3.4.4', change: 'renumbered' },
      ]);
      expect(named('clause-moved-between-parts').mapping).to.deep.include({
        fromRef: '2.2.3',
        toRef: '4.1.4',
        change: 'moved',
      });
      expect(named('part-inserted-near-start').stats).to.include({ added: 10, moved: 0 });
    });

    it('refuses a draft whose moves could be read two ways', () => {
      const swap = new Draft(SECTION_S).move('nhhdc-obligation', { before: 'hhdc-obligation' });
      expect(() => swap.scenario('swap', 'Two neighbours swapped.', 'Section S')).to.throw(
        /ambiguous/,
      );
    });
  });

  for (const scenario of SCENARIOS) {
    describe(scenario.name, () => {
      const from = parseClauses(scenario.base).clauses;
      const to = parseClauses(scenario.edited).clauses;

      it('maps every clause of both versions as the ground truth does', () => {
        const redline = computeRedline(from, to);
        const problems = mappingMismatches(scenario.mapping, redline.mapping);
        if (problems.length) expect.fail(report(scenario, 'mapping', problems));
      });

      // The pairing alone, read from the redline's clauses, whatever the change is called.
      it('pairs every old clause with its true partner, and only those', () => {
        const redline = computeRedline(from, to);
        const actual = new Map<string, string>();
        for (const c of redline.clauses) {
          const a = c.fromIndex === null ? undefined : from[c.fromIndex];
          const b = c.toIndex === null ? undefined : to[c.toIndex];
          if (a && b) actual.set(a.ref, b.ref);
        }
        const problems = scenario.mapping.flatMap((m) => {
          if (m.fromRef === null) return [];
          const got = actual.get(m.fromRef) ?? null;
          return got === m.toRef
            ? []
            : [`${m.fromRef}: expected ${m.toRef ?? '(unpaired)'}, got ${got ?? '(unpaired)'}`];
        });
        if (problems.length) expect.fail(report(scenario, 'pairing', problems));
      });

      it('counts the changes as the ground truth does', () => {
        const problems = statsMismatches(scenario.stats, { ...computeRedline(from, to).stats });
        if (problems.length) expect.fail(report(scenario, 'stats', problems));
      });

      it('places a comment on every old clause where the ground truth does', () => {
        const successors = clauseSuccessors(from, to);
        const problems = placementMismatches(scenario.placements, (ref) => successors.get(ref));
        if (problems.length) expect.fail(report(scenario, 'placement', problems));
      });

      for (const check of scenario.htmlChecks) {
        it(`shows clause ${check.toRef} in the redline as expected`, () => {
          const clause = computeRedline(from, to).clauses.find(
            (c) => c.ref === check.toRef && c.toIndex !== null,
          );
          expect(clause, `no redline clause ${check.toRef}`).to.not.equal(undefined);
          for (const s of check.includes) expect(clause?.html).to.include(s);
          for (const s of check.excludes) expect(clause?.html).to.not.include(s);
        });
      }
    });
  }
});
