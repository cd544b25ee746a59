import { expect } from 'chai';
import {
  DUE_PROCESS_CONFIRMATIONS,
  summariseDueProcess,
  type DueProcessAnswers,
} from '../../../server/domain/dueProcess.js';

const all = (confirmed: boolean): DueProcessAnswers => ({
  engaged: { confirmed, text: null },
  input: { confirmed, text: null },
  commentsAddressed: { confirmed, text: null },
  designTranslated: { confirmed, text: null },
  artefactsMakeSense: { confirmed, text: null },
});

describe('summariseDueProcess', () => {
  it("names the seed pack's five confirmations in order", () => {
    expect(DUE_PROCESS_CONFIRMATIONS.map((c) => c.text)).to.deep.equal([
      'Parties had been able to engage with the Code workstream',
      'Parties have been able to input to the meetings, Code Artefacts and decisions',
      'Parties confirmed comments had been addressed',
      'The Design had been correctly translated into Code',
      'Code Artefacts made sense',
    ]);
  });

  it('gives zero counts and shares with no responses', () => {
    const summary = summariseDueProcess([]);
    expect(summary.responses).to.equal(0);
    expect(summary.lessonsLearnt).to.deep.equal([]);
    expect(summary.confirmations.every((c) => c.confirmed === 0 && c.share === 0)).to.equal(true);
  });

  it('counts confirmations and shares; a missing answer is not a confirmation', () => {
    const summary = summariseDueProcess([
      { answers: all(true), lessonsLearnt: 'Better Cross-Code working' },
      {
        answers: { ...all(true), designTranslated: { confirmed: false, text: 'No' } },
        lessonsLearnt: '',
      },
      { answers: { engaged: { confirmed: true, text: null } }, lessonsLearnt: '   ' },
      { answers: all(false), lessonsLearnt: ' Better redlining of text ' },
    ]);
    expect(summary.responses).to.equal(4);
    expect(
      Object.fromEntries(summary.confirmations.map((c) => [c.key, [c.confirmed, c.share]])),
    ).to.deep.equal({
      engaged: [3, 0.75],
      input: [2, 0.5],
      commentsAddressed: [2, 0.5],
      designTranslated: [1, 0.25],
      artefactsMakeSense: [2, 0.5],
    });
    expect(summary.lessonsLearnt).to.deep.equal([
      'Better Cross-Code working',
      'Better redlining of text',
    ]);
  });

  it('counts coverage over every participant organisation and names those that have not responded', () => {
    const a = { id: 'o-a', name: 'Org A' };
    const b = { id: 'o-b', name: 'Org B' };
    const summary = summariseDueProcess(
      [{ organisation: a, answers: all(true), lessonsLearnt: '' }],
      [a, b],
    );
    expect(summary).to.include({ participants: 2, responses: 1 });
    expect(summary.nonResponders).to.deep.equal([b]);
    // Shares are over the responders, not over the participants.
    expect(summary.confirmations.every((c) => c.confirmed === 1 && c.share === 1)).to.equal(true);
  });

  it("lists each refusal with the programme's response, or none yet", () => {
    const a = { id: 'o-a', name: 'Org A' };
    const summary = summariseDueProcess(
      [
        {
          id: 'r-a',
          organisation: a,
          answers: {
            ...all(true),
            designTranslated: { confirmed: false, text: 'Section S misses the design' },
            artefactsMakeSense: { confirmed: false, text: null },
          },
          lessonsLearnt: '',
          programmeResponses: {
            designTranslated: { text: 'Fixed in v2', respondedAt: '2026-06-01T10:00:00.000Z' },
          },
        },
      ],
      [a],
    );
    expect(summary.refusals).to.deep.equal([
      {
        responseId: 'r-a',
        organisation: a,
        key: 'designTranslated',
        confirmation: 'The Design had been correctly translated into Code',
        text: 'Section S misses the design',
        programmeResponse: { text: 'Fixed in v2', respondedAt: '2026-06-01T10:00:00.000Z' },
      },
      {
        responseId: 'r-a',
        organisation: a,
        key: 'artefactsMakeSense',
        confirmation: 'Code Artefacts made sense',
        text: null,
        programmeResponse: null,
      },
    ]);
  });
});
