import { expect } from 'chai';
import { GLOSSARY_ARTEFACTS } from '../../server/commands/checkVersionPlainEnglish.js';
import registry from '../../server/db/seed/registry.json' with { type: 'json' };
import { parseClauses } from '../../server/domain/parseClauses.js';
import {
  checkPlainEnglish,
  extractDefinedTerms,
  referenceKeys,
} from '../../server/domain/plainEnglish/index.js';
import { BSCP707_CR053_DRAFT, demoDraftFor } from '../../scripts/demo/drafts.js';

// The demo's glossaries (Annex X-1, Schedule 1) define what its drafts use, so the demo journey
// meets only true plain-English findings (issue 10 item 4).
describe('demo drafts against the demo glossaries', () => {
  const artefacts = registry.artefacts;
  const clausesOf = (body: string) => parseClauses(body).clauses;
  const definedTerms = new Set(
    artefacts
      .filter((a) =>
        GLOSSARY_ARTEFACTS.some((g) => g.code === a.code && g.reference === a.reference),
      )
      .flatMap((a) => [...extractDefinedTerms(clausesOf(demoDraftFor(a)))]),
  );
  const artefactReferences = new Set(artefacts.flatMap((a) => referenceKeys(a.reference)));
  const check = (body: string, terms = definedTerms) => {
    const clauses = clausesOf(body);
    return checkPlainEnglish(clauses, {
      definedTerms: terms,
      knownReferences: { clauseRefs: new Set(clauses.map((c) => c.ref)), artefactReferences },
      vagueTerms: [],
      maxSentenceWords: 60,
    });
  };

  it('define BSC Party, BSC Agent and Industry Standing Data as the real Annex X-1 does', () => {
    for (const term of ['BSC Party', 'BSC Agent', 'Industry Standing Data', 'Settlement Period'])
      expect([...definedTerms], term).to.include(term);
    expect([...definedTerms]).to.include('Energy Supplier');
  });

  it('leave no finding on any demo draft, nor on the BSCP707 version that incorporates CR053', () => {
    const bodies = [
      ...artefacts.map((a) => ({ reference: a.reference, body: demoDraftFor(a) })),
      { reference: 'BSCP707 with CR053', body: BSCP707_CR053_DRAFT },
    ];
    const found = bodies.flatMap(({ reference, body }) =>
      check(body).map((f) => `${reference} ${f.clauseRef} ${f.kind}: ${f.excerpt}`),
    );
    expect(found).to.deep.equal([]);
  });

  it('still flags the three terms when the glossary does not define them', () => {
    const bscp707 = artefacts.find((a) => a.reference === 'BSCP707');
    if (!bscp707) throw new Error('BSCP707 is not in the registry');
    const without = new Set(definedTerms);
    for (const term of ['BSC Party', 'BSC Agent', 'Industry Standing Data']) without.delete(term);
    const excerpts = check(demoDraftFor(bscp707), without)
      .filter((f) => f.kind === 'undefined-term')
      .map((f) => f.excerpt);
    expect(excerpts).to.include.members(['BSC Party', 'BSC Agent', 'Industry Standing Data']);
  });
});
