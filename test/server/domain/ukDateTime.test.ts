import { expect } from 'chai';
import { londonInputToIso, ukDateTime } from '../../../server/domain/ukDateTime.js';

describe('ukDateTime', () => {
  it('shows London time: BST in summer, GMT in winter', () => {
    expect(ukDateTime('2024-08-21T13:05:00.000Z')).to.equal('21 August 2024, 14:05');
    expect(ukDateTime('2024-12-01T09:30:00.000Z')).to.equal('1 December 2024, 09:30');
  });

  it('says so rather than inventing a date for an unreadable timestamp', () => {
    expect(ukDateTime('not a date')).to.equal('unknown date');
  });
});

describe('londonInputToIso', () => {
  it('reads a date-and-time input as London wall-clock time', () => {
    expect(londonInputToIso('2024-08-21T14:05')).to.equal('2024-08-21T13:05:00.000Z');
    expect(londonInputToIso('2024-12-01T09:30')).to.equal('2024-12-01T09:30:00.000Z');
    // The first hour of BST, and just before the clocks go forward.
    expect(londonInputToIso('2024-03-31T02:30')).to.equal('2024-03-31T01:30:00.000Z');
    expect(londonInputToIso('2024-03-31T00:30')).to.equal('2024-03-31T00:30:00.000Z');
  });
});
