import { expect } from 'chai';
import {
  computeReadiness,
  type ArtefactFacts,
  type CriterionId,
  type ReadinessInput,
} from '../../../server/domain/readiness.js';

const NOW = '2026-06-30T12:00:00.000Z';

function artefact(overrides: Partial<ArtefactFacts> = {}): ArtefactFacts {
  return {
    id: 'a1',
    slug: 'bsc-bscp701',
    code: 'BSC',
    reference: 'BSCP701',
    title: 'Smart Data Service',
    topicArea: 'Finalisation',
    bragOverride: null,
    bragOverrideReason: null,
    currentVersion: {
      id: 'v2',
      label: 'v2',
      incorporates: ['CR053'],
      clauseRefs: ['1', '1.1', '1.1.1'],
    },
    firstVersionAt: '2026-05-01T00:00:00.000Z',
    consultations: [
      {
        id: 'k1',
        title: 'Round 1',
        opensAt: '2026-05-02T00:00:00.000Z',
        closesAt: '2026-06-01T00:00:00.000Z',
      },
    ],
    comments: [
      {
        id: 'c1',
        ref: 'C-000001',
        category: 'drafting',
        severity: 'medium',
        status: 'accepted',
        hasDecision: true,
        confidential: false,
        organisationId: null,
        authorId: null,
      },
    ],
    outstandingComments: 0,
    totalComments: 1,
    confidentialComments: [],
    changes: [
      {
        id: 'CR053',
        title: 'ISD Publication Frequency Change',
        status: 'approved',
        noCodeImpact: false,
      },
    ],
    openFindings: [],
    baselined: false,
    ...overrides,
  };
}

function input(
  overrides: Partial<ReadinessInput> = {},
  a: Partial<ArtefactFacts> = {},
): ReadinessInput {
  return {
    now: NOW,
    artefacts: [
      artefact(a),
      artefact({
        id: 'a2',
        slug: 'rec-schedule-9',
        code: 'REC',
        reference: 'Schedule 9',
        changes: [],
        currentVersion: { id: 'r1', label: 'v1', incorporates: [], clauseRefs: ['1'] },
        noRequirementsReason: 'Transitional text: no design requirement applies',
      }),
    ],
    requirements: [{ id: 'REQ-1', traces: [{ artefactId: 'a1', clauseRef: '1.1.1' }] }],
    dueProcessResponses: 40,
    decisions: { ccagRecommended: false, sroApproved: false },
    ...overrides,
  };
}

const criterion = (r: ReturnType<typeof computeReadiness>, id: CriterionId) =>
  r.criteria.find((c) => c.id === id);

describe('computeReadiness', () => {
  it('is ready when every gating criterion holds and nothing is red', () => {
    const r = computeReadiness(input());
    expect(r.ready).to.equal(true);
    for (const id of ['SC1', 'SC2', 'SC3', 'SC4', 'KD1', 'KD2', 'KD3'] as const)
      expect(criterion(r, id)?.met, id).to.equal(true);
    expect(criterion(r, 'SC5')?.met).to.equal(false);
    expect(r.artefacts[0]).to.include({
      brag: 'blue',
      statusText: '0 Industry comments outstanding',
    });
    expect(r.byCode.map((c) => [c.code, c.ready])).to.deep.equal([
      ['BSC', true],
      ['REC', true],
    ]);
  });

  const flips: [string, CriterionId, Partial<ReadinessInput>, Partial<ArtefactFacts>, string][] = [
    [
      'a trace to a clause the current version lacks',
      'SC1',
      { requirements: [{ id: 'REQ-1', traces: [{ artefactId: 'a1', clauseRef: '9.9' }] }] },
      {},
      'clause',
    ],
    [
      'an untraced requirement',
      'SC1',
      { requirements: [{ id: 'REQ-2', traces: [] }] },
      {},
      'requirement',
    ],
    [
      'an approved change not incorporated',
      'SC2',
      {},
      {
        currentVersion: {
          id: 'v2',
          label: 'v2',
          incorporates: [],
          clauseRefs: ['1', '1.1', '1.1.1'],
        },
      },
      'change',
    ],
    [
      'an outstanding plain-English comment',
      'SC3',
      {},
      {
        comments: [
          {
            id: 'c9',
            ref: 'C-000009',
            category: 'plain-english',
            severity: 'low',
            status: 'triaged',
            hasDecision: true,
            confidential: false,
            organisationId: null,
            authorId: null,
          },
        ],
        outstandingComments: 1,
      },
      'comment',
    ],
    [
      'an unwaived plain-English finding',
      'SC3',
      {},
      {
        openFindings: [{ id: 'f1', clauseRef: '1.1.1', kind: 'vague-wording', excerpt: 'and/or' }],
      },
      'finding',
    ],
    ['an artefact never consulted on', 'SC4', {}, { consultations: [] }, 'consultation'],
    [
      'an unanswered comment',
      'SC4',
      {},
      {
        comments: [
          {
            id: 'c2',
            ref: 'C-000002',
            category: 'drafting',
            severity: 'low',
            status: 'open',
            hasDecision: false,
            confidential: false,
            organisationId: null,
            authorId: null,
          },
        ],
        outstandingComments: 1,
      },
      'comment',
    ],
    ['no due-process responses', 'SC4', { dueProcessResponses: 0 }, {}, 'due-process'],
    [
      'a participant organisation that has not responded',
      'SC4',
      {
        dueProcessResponses: 1,
        dueProcessParticipants: 2,
        dueProcessNonResponders: [{ id: 'o-b', name: 'Org B' }],
      },
      {},
      'due-process',
    ],
    [
      'a change still in impact assessment',
      'KD1',
      {},
      { changes: [{ id: 'CR054', title: 'IA', status: 'impact-assessment', noCodeImpact: false }] },
      'change',
    ],
    [
      'no version before the consultation closed',
      'KD2',
      {},
      { firstVersionAt: '2026-06-15T00:00:00.000Z' },
      'artefact',
    ],
    [
      'a decided comment without a logged decision',
      'KD3',
      {},
      {
        comments: [
          {
            id: 'c3',
            ref: 'C-000003',
            category: 'legal',
            severity: 'low',
            status: 'rejected',
            hasDecision: false,
            confidential: false,
            organisationId: null,
            authorId: null,
          },
        ],
      },
      'decision',
    ],
  ];
  for (const [name, id, over, artefactOver, kind] of flips) {
    it(`fails ${id} on ${name}, naming the blocker`, () => {
      const r = computeReadiness(input(over, artefactOver));
      const c = criterion(r, id);
      expect(c?.met).to.equal(false);
      expect(c?.blockers.map((b) => b.kind)).to.include(kind);
      expect(r.ready).to.equal(false);
    });
  }

  it('meets SC4 and KD3 once every participant organisation has responded', () => {
    const r = computeReadiness(
      input({ dueProcessResponses: 2, dueProcessParticipants: 2, dueProcessNonResponders: [] }),
    );
    expect(criterion(r, 'SC4')?.met).to.equal(true);
    expect(criterion(r, 'KD3')?.met).to.equal(true);
    expect(criterion(r, 'SC4')?.evidence).to.include({
      participantOrganisations: 2,
      nonResponders: 0,
    });
  });

  it('treats a change marked no-code-impact as satisfied', () => {
    const r = computeReadiness(
      input(
        {},
        {
          currentVersion: {
            id: 'v2',
            label: 'v2',
            incorporates: [],
            clauseRefs: ['1', '1.1', '1.1.1'],
          },
          changes: [{ id: 'CR053', title: 'x', status: 'approved', noCodeImpact: true }],
        },
      ),
    );
    expect(criterion(r, 'SC2')?.met).to.equal(true);
  });

  it('meets SC5 only when CCAG recommended and the SRO approved', () => {
    expect(
      criterion(
        computeReadiness(input({ decisions: { ccagRecommended: true, sroApproved: false } })),
        'SC5',
      )?.met,
    ).to.equal(false);
    expect(
      criterion(
        computeReadiness(input({ decisions: { ccagRecommended: true, sroApproved: true } })),
        'SC5',
      )?.met,
    ).to.equal(true);
  });

  it('is not ready when an artefact is red, even with every criterion met', () => {
    const r = computeReadiness(
      input({}, { bragOverride: 'red', bragOverrideReason: 'Legal review pending' }),
    );
    expect(r.artefacts[0]).to.include({ brag: 'red', bragSource: 'override' });
    expect(r.ready).to.equal(false);
    expect(r.byCode.find((c) => c.code === 'BSC')?.ready).to.equal(false);
    expect(r.byCode.find((c) => c.code === 'REC')?.ready).to.equal(true);
  });

  it('rates BRAG from the facts: red without a version, amber with comments outstanding after close', () => {
    const noVersion = computeReadiness(input({}, { currentVersion: null, firstVersionAt: null }));
    expect(noVersion.artefacts[0]?.brag).to.equal('red');
    const amber = computeReadiness(
      input(
        {},
        {
          comments: [
            {
              id: 'c2',
              ref: 'C-2',
              category: 'drafting',
              severity: 'low',
              status: 'open',
              hasDecision: false,
              confidential: false,
              organisationId: null,
              authorId: null,
            },
          ],
          outstandingComments: 1,
        },
      ),
    );
    expect(amber.artefacts[0]).to.include({
      brag: 'amber',
      statusText: '1 Industry comment outstanding',
    });
    const overdue = computeReadiness(
      input(
        {},
        {
          comments: [
            {
              id: 'c2',
              ref: 'C-2',
              category: 'drafting',
              severity: 'high',
              status: 'open',
              hasDecision: false,
              confidential: false,
              organisationId: null,
              authorId: null,
            },
          ],
          outstandingComments: 1,
        },
      ),
    );
    expect(overdue.artefacts[0]?.brag).to.equal('red');
  });

  describe('SC1 rests on evidence', () => {
    it('is not met with no requirements, no traces and no statements: no evidence', () => {
      const r = computeReadiness(
        input({ requirements: [], artefacts: [artefact(), artefact({ id: 'a2', slug: 's9' })] }),
      );
      const sc1 = criterion(r, 'SC1');
      expect(sc1?.met).to.equal(false);
      expect(sc1?.blockers.map((b) => b.message)).to.include.members([
        'Not met: no evidence. No design requirement is traced and no artefact states that none apply',
        'BSCP701 has no traced design requirements and no statement that none apply',
      ]);
      expect(sc1?.evidence).to.include({ withoutEvidence: 2, noRequirementsStatements: 0 });
      expect(r.ready).to.equal(false);
    });

    it('is not met with no artefacts in scope', () => {
      expect(criterion(computeReadiness(input({ artefacts: [] })), 'SC1')?.met).to.equal(false);
    });

    it('names each artefact with neither a trace nor a statement', () => {
      const r = computeReadiness(input({}, {}));
      expect(criterion(r, 'SC1')?.met).to.equal(true);
      const without = computeReadiness(input({ requirements: [] }, { noRequirementsReason: null }));
      const sc1 = criterion(without, 'SC1');
      expect(sc1?.met).to.equal(false);
      expect(sc1?.blockers.map((b) => [b.kind, b.artefactId])).to.deep.include(['artefact', 'a1']);
    });

    it('is met when every artefact has a trace or a statement that none apply', () => {
      const r = computeReadiness(
        input({ requirements: [] }, { noRequirementsReason: 'Glossary: defines terms only' }),
      );
      expect(criterion(r, 'SC1')?.met).to.equal(true);
      expect(criterion(r, 'SC1')?.evidence).to.include({ noRequirementsStatements: 2 });
    });
  });

  describe('Blue rests on a closed consultation', () => {
    const open = [
      {
        id: 'k1',
        title: 'Round 1',
        opensAt: '2026-06-01T00:00:00.000Z',
        closesAt: '2026-07-15T00:00:00.000Z',
      },
    ];
    it('is green, not blue, for a drafted artefact whose consultation is still open', () => {
      const r = computeReadiness(input({}, { consultations: open }));
      expect(r.artefacts[0]?.brag).to.equal('green');
    });
    it('is green for a drafted artefact never consulted on', () => {
      expect(computeReadiness(input({}, { consultations: [] })).artefacts[0]?.brag).to.equal(
        'green',
      );
    });
    it('is blue once a consultation covering it has closed with nothing outstanding', () => {
      expect(computeReadiness(input()).artefacts[0]?.brag).to.equal('blue');
    });
    it('is green, not blue, while a plain-English finding is open', () => {
      const r = computeReadiness(
        input(
          {},
          {
            openFindings: [
              { id: 'f1', clauseRef: '1.1.1', kind: 'vague-wording', excerpt: 'and/or' },
            ],
          },
        ),
      );
      expect(r.artefacts[0]?.brag).to.equal('green');
    });
  });

  it('keeps per-code results separate', () => {
    const r = computeReadiness(input({}, { consultations: [] }));
    expect(
      r.byCode.find((c) => c.code === 'BSC')?.criteria.find((c) => c.id === 'SC4')?.met,
    ).to.equal(false);
    expect(
      r.byCode.find((c) => c.code === 'REC')?.criteria.find((c) => c.id === 'SC4')?.met,
    ).to.equal(true);
  });
});
