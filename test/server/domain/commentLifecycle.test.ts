import { expect } from 'chai';
import {
  canEdit,
  canWithdraw,
  checkTriage,
  COMMENT_STATUSES,
  isOutstanding,
  TRIAGE_STATUSES,
} from '../../../server/domain/commentLifecycle.js';

describe('comment lifecycle', () => {
  it('counts open and triaged as outstanding, nothing else', () => {
    expect(COMMENT_STATUSES.filter(isOutstanding)).to.deep.equal(['open', 'triaged']);
  });

  it('allows every triage status from open, and every final one from triaged', () => {
    for (const status of TRIAGE_STATUSES) {
      const response = 'because';
      expect(
        checkTriage('open', { status, response, duplicateOf: status === 'duplicate' ? 'x' : null }),
      ).to.equal(null);
    }
    expect(checkTriage('triaged', { status: 'triaged', response: '' })).to.match(
      /cannot move to triaged/,
    );
    expect(checkTriage('triaged', { status: 'accepted', response: '' })).to.equal(null);
  });

  it('refuses to triage a decided or withdrawn comment', () => {
    for (const current of [
      'accepted',
      'partially-accepted',
      'rejected',
      'deferred',
      'duplicate',
      'withdrawn',
    ] as const) {
      expect(checkTriage(current, { status: 'accepted', response: 'x' }), current).to.match(
        /already/,
      );
    }
  });

  it('needs a written response to reject, partially accept or defer', () => {
    for (const status of ['rejected', 'partially-accepted', 'deferred'] as const) {
      expect(checkTriage('open', { status, response: '  ' }), status).to.match(/written response/);
      expect(checkTriage('open', { status, response: 'Reason' }), status).to.equal(null);
    }
    expect(checkTriage('open', { status: 'accepted', response: '' })).to.equal(null);
  });

  it('needs duplicateOf for duplicate and only then', () => {
    expect(checkTriage('open', { status: 'duplicate', response: '' })).to.match(/duplicateOf/);
    expect(checkTriage('open', { status: 'accepted', response: '', duplicateOf: 'c1' })).to.match(
      /only for/,
    );
  });

  it('lets authors edit and withdraw only open comments', () => {
    expect(COMMENT_STATUSES.filter(canEdit)).to.deep.equal(['open']);
    expect(COMMENT_STATUSES.filter(canWithdraw)).to.deep.equal(['open']);
  });
});
