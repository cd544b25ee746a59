import { expect } from 'chai';
import { formatDate, formatDateTime, londonInputToIso } from '../../client/src/format.js';

describe('client dates in UK time', () => {
  it('shows an instant in London time, BST in summer and GMT in winter', () => {
    expect(formatDateTime('2024-08-21T13:05:00.000Z')).to.equal('21 Aug 2024, 14:05');
    expect(formatDateTime('2024-12-01T09:30:00.000Z')).to.equal('1 Dec 2024, 09:30');
    expect(formatDate('2024-08-21T23:30:00.000Z')).to.equal('22 Aug 2024');
  });

  it('reads a date-and-time input as London wall-clock time', () => {
    expect(londonInputToIso('2024-08-21T14:05')).to.equal('2024-08-21T13:05:00.000Z');
    expect(londonInputToIso('2024-12-01T09:30')).to.equal('2024-12-01T09:30:00.000Z');
    // The hour after the clocks go forward, and the first day of BST.
    expect(londonInputToIso('2024-03-31T02:30')).to.equal('2024-03-31T01:30:00.000Z');
    expect(londonInputToIso('2024-03-31T00:30')).to.equal('2024-03-31T00:30:00.000Z');
  });
});
