import { expect } from 'chai';
import {
  commentChangeProblem,
  commentWindowProblem,
  windowState,
} from '../../../server/domain/consultationWindow.js';

const w = (title: string, opensAt: string, closesAt: string) => ({ title, opensAt, closesAt });

describe('consultation windows', () => {
  const now = '2026-06-15T12:00:00.000Z';

  it('is upcoming before it opens, open until it closes, then closed', () => {
    const window = w('A', '2026-06-15T12:00:00.000Z', '2026-06-16T00:00:00.000Z');
    expect(windowState(window, '2026-06-15T11:59:59.999Z')).to.equal('upcoming');
    expect(windowState(window, '2026-06-15T12:00:00.000Z')).to.equal('open');
    expect(windowState(window, '2026-06-16T00:00:00.000Z')).to.equal('closed');
  });

  it('allows comments when any window is open', () => {
    const windows = [
      w('Old', '2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'),
      w('Now', '2026-06-01T00:00:00.000Z', '2026-07-01T00:00:00.000Z'),
    ];
    expect(commentWindowProblem('BSCP701', windows, now)).to.equal(null);
  });

  it('names the next window when none is open yet', () => {
    const problem = commentWindowProblem(
      'BSCP701',
      [w('Second round', '2026-07-01T00:00:00.000Z', '2026-08-01T00:00:00.000Z')],
      now,
    );
    expect(problem).to.include('Second round').and.include('opens at 2026-07-01T00:00:00.000Z');
  });

  it('names the latest closed window', () => {
    const windows = [
      w('First', '2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'),
      w('Second', '2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z'),
    ];
    expect(commentWindowProblem('BSCP701', windows, now)).to.include(
      '"Second" closed at 2026-04-01',
    );
  });

  it('says when the artefact was never consulted on', () => {
    expect(commentWindowProblem('BSCP701', [], now)).to.include(
      'has not been put out to consultation',
    );
  });

  describe('changes to a comment', () => {
    const closed = [w('Round 1', '2026-05-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z')];
    const open = [...closed, w('Round 2', '2026-06-10T00:00:00.000Z', '2026-06-20T00:00:00.000Z')];
    const c = { ref: 'C-000001' };

    it('allows every change while a window on the artefact is open', () => {
      for (const change of ['edit', 'withdraw', 'reply'] as const)
        expect(commentChangeProblem(change, c, open, now, false), change).to.equal(null);
    });

    it("closes the author's edits and withdrawal, and others' replies, with the window", () => {
      expect(commentChangeProblem('edit', c, closed, now, false)).to.equal(
        'Comment C-000001 can no longer be edited: consultation "Round 1" closed at 2026-06-01T00:00:00.000Z',
      );
      expect(commentChangeProblem('withdraw', c, closed, now, true)).to.include(
        'can no longer be withdrawn',
      );
      expect(commentChangeProblem('reply', c, closed, now, false)).to.include(
        'can no longer take replies',
      );
    });

    it('lets the code body of the artefact reply after the window closes', () => {
      expect(commentChangeProblem('reply', c, closed, now, true)).to.equal(null);
    });
  });
});
