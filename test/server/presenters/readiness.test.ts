import { expect } from 'chai';
import {
  computeReadiness,
  type ArtefactFacts,
  type CommentFact,
} from '../../../server/domain/readiness.js';
import {
  PAPER_AUDIENCE,
  presentArtefactReadiness,
  presentReadiness,
  withoutConfidentialComments,
} from '../../../server/presenters/readiness.js';
import { commentVisibility as visibilityOf } from '../../../server/policies/commentVisibility.js';

const comment = (n: number, extra: Partial<CommentFact>): CommentFact => ({
  id: `c${n}`,
  ref: `C-00000${n}`,
  category: 'drafting',
  severity: 'medium',
  status: 'open',
  hasDecision: false,
  confidential: false,
  organisationId: 'org-a',
  authorId: null,
  ...extra,
});

// Public c1 (open), confidential c2 of org B (open, plain English), confidential c3 of org B
// decided with no decision logged.
const facts: ArtefactFacts = {
  id: 'a1',
  slug: 'bsc-bscp701',
  code: 'BSC',
  reference: 'BSCP701',
  title: 'Smart Data Service',
  topicArea: 'Finalisation',
  bragOverride: null,
  bragOverrideReason: null,
  currentVersion: { id: 'v1', label: 'v1', incorporates: [], clauseRefs: ['1'] },
  firstVersionAt: '2026-05-01T00:00:00.000Z',
  consultations: [
    {
      id: 'k1',
      title: 'Round 1',
      opensAt: '2026-05-02T00:00:00.000Z',
      closesAt: '2026-07-01T00:00:00.000Z',
    },
  ],
  comments: [
    comment(1, {}),
    comment(2, { category: 'plain-english', confidential: true, organisationId: 'org-b' }),
    comment(3, { status: 'accepted', confidential: true, organisationId: 'org-b' }),
  ],
  outstandingComments: 2,
  totalComments: 3,
  confidentialComments: [{ organisationId: 'org-b', outstanding: 1, total: 2 }],
  changes: [],
  openFindings: [],
  baselined: false,
};

const readiness = computeReadiness({
  now: '2026-06-30T12:00:00.000Z',
  artefacts: [facts],
  requirements: [],
  dueProcessResponses: 1,
  decisions: { ccagRecommended: false, sroApproved: false },
});
const criterion = (a: { criteria: { id: string }[] }, id: string) =>
  a.criteria.find((c) => c.id === id) as ReturnType<typeof presentReadiness>['criteria'][number];
const ids = (value: unknown) => JSON.stringify(value).match(/c[23]"|C-00000[23]/g) ?? [];

describe('readiness as each reader may see it', () => {
  it("counts another organisation's confidential comments in every criterion without naming them", () => {
    const orgA = { kind: 'viewer' as const, visibility: commentVisibility('org-a') };
    const shown = presentReadiness(readiness, orgA);
    expect(ids(shown)).to.deep.equal([]);
    const kd3 = criterion(shown, 'KD3');
    expect(kd3.blockerCount).to.equal(2);
    expect(kd3.evidence).to.include({ unloggedDecisions: 0, confidentialCommentsNotShown: 1 });
    expect(kd3.blockers.map((b) => b.message)).to.include(
      '1 confidential comment not shown to you is decided with no decision logged',
    );
    const sc3 = criterion(shown, 'SC3');
    expect(sc3.evidence).to.include({ plainEnglishComments: 0 });
    expect(sc3.blockers).to.deep.equal([
      {
        kind: 'confidential',
        id: 'confidential-comments',
        count: 1,
        message: '1 confidential plain-English comment not shown to you is outstanding',
      },
    ]);
    const sc4 = criterion(shown, 'SC4');
    expect(sc4.evidence).to.include({ outstandingComments: 1, totalComments: 1 });
    expect(sc4.blockers.map((b) => b.id)).to.deep.equal(['c1', 'confidential-comments']);
    expect(shown.byCode[0]).to.include({ outstandingComments: 1 });
    expect(shown.artefacts[0]).to.include({ outstandingComments: 1, totalComments: 1 });
  });

  it('names them to their organisation and to the code body of their artefact', () => {
    for (const visibility of [
      commentVisibility('org-b'),
      visibilityOf({ id: 'u2', role: 'code_body', code: 'BSC', organisationId: null }),
    ]) {
      const shown = presentArtefactReadiness(readiness.artefacts[0]!, {
        kind: 'viewer',
        visibility,
      });
      expect(ids(shown)).to.not.deep.equal([]);
      expect(shown.commentsNotShown).to.deep.equal({ outstanding: 0, total: 0 });
      expect(shown).to.not.have.property('confidentialComments');
    }
  });

  it('names no confidential comment in a paper, and folds stored ones into counts on reading', () => {
    const paper = presentReadiness(readiness, PAPER_AUDIENCE);
    expect(ids(paper)).to.deep.equal([]);
    expect(paper.artefacts[0]?.statusText).to.equal(
      '2 Industry comments outstanding, 1 of them confidential',
    );
    const programme = visibilityOf({
      id: 'u3',
      role: 'programme',
      code: null,
      organisationId: null,
    });
    const stored = presentReadiness(readiness, { kind: 'viewer', visibility: programme });
    const read = withoutConfidentialComments(stored, new Set(['c2', 'c3']));
    expect(ids(read)).to.deep.equal([]);
    expect(criterion(read, 'KD3').blockers.map((b) => b.message)).to.include(
      '1 confidential comment is decided with no decision logged',
    );
  });
});

function commentVisibility(organisationId: string) {
  return visibilityOf({ id: 'u1', role: 'participant', code: null, organisationId });
}
