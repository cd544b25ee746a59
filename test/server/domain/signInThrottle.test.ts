import { expect } from 'chai';
import {
  ACCOUNT_LIMITS,
  afterFailure,
  lockRemainingSeconds,
  throttledMessage,
  throttleKeys,
  type ThrottleState,
} from '../../../server/domain/signInThrottle.js';

const start = new Date('2026-03-02T09:00:00.000Z');
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);

/** `count` failures, one a second from `from`, starting from `state`. */
function fail(state: ThrottleState | undefined, count: number, from: number) {
  let current = state;
  const started: number[] = [];
  for (let i = 0; i < count; i++) {
    const next = afterFailure(current, at(from + i), ACCOUNT_LIMITS);
    if (next.lockStarted) started.push(i + 1);
    current = next.state;
  }
  return { state: current as ThrottleState, started };
}

describe('sign-in throttle', () => {
  it('locks for 15 minutes on the 10th failure within 15 minutes, not before', () => {
    const nine = fail(undefined, 9, 0);
    expect(nine.started).to.deep.equal([]);
    expect(lockRemainingSeconds(nine.state, at(9))).to.equal(0);
    const ten = fail(nine.state, 1, 9);
    expect(ten.started).to.deep.equal([1]);
    expect(lockRemainingSeconds(ten.state, at(9))).to.equal(15 * 60);
    expect(lockRemainingSeconds(ten.state, at(9 + 15 * 60))).to.equal(0);
  });

  it('starts a new window when the last one is 15 minutes old', () => {
    const nine = fail(undefined, 9, 0);
    const later = fail(nine.state, 9, 15 * 60);
    expect(later.started).to.deep.equal([]);
    expect(later.state.failures).to.equal(9);
  });

  it('does not count failures during a lock', () => {
    const locked = fail(undefined, 10, 0).state;
    const during = afterFailure(locked, at(60), ACCOUNT_LIMITS);
    expect(during).to.deep.equal({ state: locked, lockStarted: false });
  });

  it('doubles each following lock up to an hour, and forgets after a day', () => {
    let state = fail(undefined, 10, 0).state;
    const lengths = [state.lockSeconds];
    let clock = 0;
    for (let round = 0; round < 3; round++) {
      clock = (Date.parse(state.lockedUntil ?? '') - start.getTime()) / 1000;
      state = fail(state, 10, clock).state;
      lengths.push(state.lockSeconds);
    }
    expect(lengths).to.deep.equal([900, 1800, 3600, 3600]);
    const nextDay = clock + 3600 + 24 * 3600;
    expect(fail(state, 10, nextDay).state.lockSeconds).to.equal(900);
  });

  it('counts the account by normalised email and the address apart', () => {
    expect(throttleKeys('pat@example.org', '203.0.113.9').map((k) => k.key)).to.deep.equal([
      'account:pat@example.org',
      'address:203.0.113.9',
    ]);
  });

  it('says how long to wait in whole minutes', () => {
    expect(throttledMessage(900)).to.equal('Too many failed sign-ins; try again in 15 minutes');
    expect(throttledMessage(61)).to.equal('Too many failed sign-ins; try again in 2 minutes');
    expect(throttledMessage(5)).to.equal('Too many failed sign-ins; try again in 1 minute');
  });
});
