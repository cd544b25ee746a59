import { expect } from 'chai';
import { computeBrag, effectiveBrag, type BragInputs } from '../../../server/domain/brag.js';

const base: BragInputs = {
  hasCurrentVersion: true,
  outstandingComments: 0,
  unincorporatedApprovedChanges: 0,
  consultationClosed: true,
  overdueHighSeverityComments: 0,
  openPlainEnglish: 0,
};

describe('computeBrag', () => {
  it('is blue once consulted on: closed, nothing outstanding, every change incorporated', () => {
    expect(computeBrag(base)).to.equal('blue');
  });
  it('is green at best before a consultation covering it has closed', () => {
    expect(computeBrag({ ...base, consultationClosed: false })).to.equal('green');
  });
  it('is green, not blue, while plain-English comments or findings are open', () => {
    expect(computeBrag({ ...base, openPlainEnglish: 1 })).to.equal('green');
  });
  it('is red without a version', () => {
    expect(computeBrag({ ...base, hasCurrentVersion: false })).to.equal('red');
  });
  it('is red when an approved change is missing after the consultation closed', () => {
    expect(
      computeBrag({ ...base, consultationClosed: true, unincorporatedApprovedChanges: 1 }),
    ).to.equal('red');
  });
  it('is red with an overdue high-severity comment', () => {
    expect(
      computeBrag({
        ...base,
        consultationClosed: false,
        outstandingComments: 1,
        overdueHighSeverityComments: 1,
      }),
    ).to.equal('red');
  });
  it('is amber with outstanding comments after the consultation closed', () => {
    expect(computeBrag({ ...base, consultationClosed: true, outstandingComments: 2 })).to.equal(
      'amber',
    );
  });
  it('is green while comments are outstanding during the consultation', () => {
    expect(computeBrag({ ...base, consultationClosed: false, outstandingComments: 2 })).to.equal(
      'green',
    );
  });
  it('shows an override as an override', () => {
    expect(effectiveBrag('red', 'amber')).to.deep.equal({ brag: 'amber', bragSource: 'override' });
    expect(effectiveBrag('red', null)).to.deep.equal({ brag: 'red', bragSource: 'computed' });
  });
});
