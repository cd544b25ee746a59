import { expect } from 'chai';
import { OutstandingTally, peakOf } from '../../../server/domain/outstandingHistory.js';
import { londonDay, londonMidnight } from '../../../server/domain/ukDateTime.js';

const fold = (
  firstDay: string,
  today: string,
  events: { at: string; delta: number }[],
  start = 0,
) => {
  const tally = new OutstandingTally(firstDay, start);
  for (const e of events) tally.add(e);
  return tally.series(today);
};

describe('outstanding comments by day', () => {
  it('counts a comment raised and decided on the same day in the peak, not at the end', () => {
    const series = fold('2024-06-03', '2024-06-03', [
      { at: '2024-06-03T09:00:00.000Z', delta: 1 },
      { at: '2024-06-03T15:00:00.000Z', delta: -1 },
    ]);
    expect(series).to.deep.equal([
      { day: '2024-06-03', outstanding: 0, peak: 1, raised: 1, closed: 1 },
    ]);
    expect(peakOf(series)).to.deep.equal({ day: '2024-06-03', peak: 1 });
  });

  it('fills the days with no events at the running count, up to today', () => {
    const series = fold('2024-06-03', '2024-06-07', [
      { at: '2024-06-03T09:00:00.000Z', delta: 1 },
      { at: '2024-06-03T10:00:00.000Z', delta: 1 },
      { at: '2024-06-05T10:00:00.000Z', delta: -1 },
    ]);
    expect(series.map((d) => [d.day, d.outstanding, d.peak])).to.deep.equal([
      ['2024-06-03', 2, 2],
      ['2024-06-04', 2, 2],
      ['2024-06-05', 1, 2],
      ['2024-06-06', 1, 1],
      ['2024-06-07', 1, 1],
    ]);
  });

  it('starts a capped window from what was outstanding before it', () => {
    const series = fold('2024-06-10', '2024-06-11', [{ at: '2024-06-11T08:00:00Z', delta: -1 }], 4);
    expect(series.map((d) => [d.day, d.outstanding, d.peak])).to.deep.equal([
      ['2024-06-10', 4, 4],
      ['2024-06-11', 3, 4],
    ]);
  });

  it('ignores events that change nothing (edits, triage that keeps a comment outstanding)', () => {
    const series = fold('2024-06-03', '2024-06-04', [
      { at: '2024-06-03T09:00:00Z', delta: 1 },
      { at: '2024-06-04T09:00:00Z', delta: 0 },
    ]);
    expect(series[1]).to.deep.equal({
      day: '2024-06-04',
      outstanding: 1,
      peak: 1,
      raised: 0,
      closed: 0,
    });
  });

  it('uses London days: 23:30 UTC in summer is the next day, in winter the same day', () => {
    const summer = fold('2024-06-03', '2024-06-04', [{ at: '2024-06-03T23:30:00Z', delta: 1 }]);
    expect(summer.map((d) => d.outstanding)).to.deep.equal([0, 1]);
    const winter = fold('2024-12-03', '2024-12-04', [{ at: '2024-12-03T23:30:00Z', delta: 1 }]);
    expect(winter.map((d) => d.outstanding)).to.deep.equal([1, 1]);
  });

  it('has one row per calendar day across the clock changes', () => {
    const spring = fold('2024-03-30', '2024-04-01', [
      { at: '2024-03-30T23:30:00Z', delta: 1 }, // 23:30 GMT on the 30th
      { at: '2024-03-31T23:30:00Z', delta: 1 }, // 00:30 BST on 1 April
    ]);
    expect(spring.map((d) => [d.day, d.outstanding])).to.deep.equal([
      ['2024-03-30', 1],
      ['2024-03-31', 1],
      ['2024-04-01', 2],
    ]);
    const autumn = fold('2024-10-26', '2024-10-28', [
      { at: '2024-10-26T23:30:00Z', delta: 1 }, // 00:30 BST on the 27th
      { at: '2024-10-27T23:30:00Z', delta: 1 }, // 23:30 GMT on the 27th
    ]);
    expect(autumn.map((d) => [d.day, d.outstanding, d.raised])).to.deep.equal([
      ['2024-10-26', 0, 0],
      ['2024-10-27', 2, 2],
      ['2024-10-28', 2, 0],
    ]);
  });
});

describe('London days and midnights', () => {
  it('finds the instant a London day starts in GMT, in BST and on the change days', () => {
    expect(londonMidnight('2024-12-01')).to.equal('2024-12-01T00:00:00.000Z');
    expect(londonMidnight('2024-06-01')).to.equal('2024-05-31T23:00:00.000Z');
    expect(londonMidnight('2024-03-31')).to.equal('2024-03-31T00:00:00.000Z');
    expect(londonMidnight('2024-10-27')).to.equal('2024-10-26T23:00:00.000Z');
    expect(londonDay(londonMidnight('2024-10-27'))).to.equal('2024-10-27');
    expect(londonDay(new Date(Date.parse(londonMidnight('2024-10-27')) - 1))).to.equal(
      '2024-10-26',
    );
  });
});
