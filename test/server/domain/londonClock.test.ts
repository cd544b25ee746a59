import { expect } from 'chai';
import { londonToUtc, londonWallClock, logDateTime } from '../../../server/domain/londonClock.js';

const clock = (text: string) => {
  const [y, mo, d, h, mi] = text.split(/[- :]/).map(Number);
  return { year: y ?? 0, month: mo ?? 0, day: d ?? 0, hour: h ?? 0, minute: mi ?? 0, second: 0 };
};
const utc = (text: string) => new Date(londonToUtc(clock(text))).toISOString();

describe('londonClock', () => {
  it('writes London wall-clock time: GMT in winter, BST in summer', () => {
    expect(logDateTime('2024-12-01T09:30:00.000Z')).to.equal('01/12/2024 09:30');
    expect(logDateTime('2024-08-21T13:05:59.000Z')).to.equal('21/08/2024 14:05');
    expect(logDateTime('2024-08-21T23:30:00.000Z')).to.equal('22/08/2024 00:30');
    expect(logDateTime('not a date')).to.equal('');
  });

  it('reads a wall-clock time back to the instant it was written from', () => {
    expect(utc('2024-12-01 09:30')).to.equal('2024-12-01T09:30:00.000Z');
    expect(utc('2024-08-21 14:05')).to.equal('2024-08-21T13:05:00.000Z');
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2025, 0, 1); t += 3_600_000 * 7 + 60_000) {
      const c = londonWallClock(t);
      expect(londonToUtc(c), new Date(t).toISOString()).to.equal(Math.floor(t / 1000) * 1000);
    }
  });

  it('takes the first of the autumn hour that happens twice, and reads a skipped spring time with GMT', () => {
    // 27 October 2024: 01:30 happens at 00:30 UTC (BST) and again at 01:30 UTC (GMT).
    expect(utc('2024-10-27 01:30')).to.equal('2024-10-27T00:30:00.000Z');
    // 31 March 2024: clocks go from 01:00 to 02:00, so 01:30 never shows; read as 01:30 GMT.
    expect(utc('2024-03-31 01:30')).to.equal('2024-03-31T01:30:00.000Z');
  });
});
