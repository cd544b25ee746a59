import { expect } from 'chai';
import {
  artefactLifecycle,
  type LifecycleFacts,
} from '../../../server/domain/artefactLifecycle.js';

const NOW = '2026-03-10T12:00:00.000Z';
const window = (opensAt: string, closesAt: string) => ({ title: 'Round 1', opensAt, closesAt });
const OPEN = window('2026-03-01T00:00:00.000Z', '2026-03-20T00:00:00.000Z');
const CLOSED = window('2026-02-01T00:00:00.000Z', '2026-02-20T00:00:00.000Z');
const UPCOMING = window('2026-04-01T00:00:00.000Z', '2026-04-20T00:00:00.000Z');

const base: LifecycleFacts = {
  hasCurrentVersion: true,
  baselined: false,
  consultations: [],
  outstandingComments: 0,
};

describe('artefactLifecycle', () => {
  it('is Drafting with no version, even under an open consultation', () => {
    expect(artefactLifecycle({ ...base, hasCurrentVersion: false }, NOW)).to.equal('Drafting');
    expect(
      artefactLifecycle({ ...base, hasCurrentVersion: false, consultations: [OPEN] }, NOW),
    ).to.equal('Drafting');
  });
  it('is Drafting with a version that no consultation has opened on yet', () => {
    expect(artefactLifecycle(base, NOW)).to.equal('Drafting');
    expect(artefactLifecycle({ ...base, consultations: [UPCOMING] }, NOW)).to.equal('Drafting');
  });
  it('is Consultation while a covering window is open, whatever closed before', () => {
    expect(
      artefactLifecycle({ ...base, consultations: [CLOSED, OPEN], outstandingComments: 3 }, NOW),
    ).to.equal('Consultation');
  });
  it('is Triage and Action once closed with comments outstanding', () => {
    expect(
      artefactLifecycle(
        { ...base, consultations: [CLOSED, UPCOMING], outstandingComments: 1 },
        NOW,
      ),
    ).to.equal('Triage and Action');
  });
  it('is Finalisation once closed with nothing outstanding', () => {
    expect(artefactLifecycle({ ...base, consultations: [CLOSED] }, NOW)).to.equal('Finalisation');
  });
  it('is Baselined once in the M6 baseline, whatever else holds', () => {
    expect(
      artefactLifecycle(
        { ...base, baselined: true, consultations: [OPEN], outstandingComments: 2 },
        NOW,
      ),
    ).to.equal('Baselined');
  });
  it('moves from Consultation to Triage and Action when the window closes, by time alone', () => {
    const facts = { ...base, consultations: [OPEN], outstandingComments: 1 };
    expect(artefactLifecycle(facts, OPEN.closesAt.replace('20T', '19T'))).to.equal('Consultation');
    expect(artefactLifecycle(facts, OPEN.closesAt)).to.equal('Triage and Action');
  });
});
