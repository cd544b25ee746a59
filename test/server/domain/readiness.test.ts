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
    status: 'Triage and Action',
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
      statusText: '1 Industry comments outstanding',
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
