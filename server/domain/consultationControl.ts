import { windowState, type ConsultationWindow } from './consultationWindow.js';

export type WindowChangeKind = 'close' | 'extend' | 'shorten' | 'reopen';

/** Why a consultation cannot be closed now, or null when it can. */
export function closeEarlyProblem(window: ConsultationWindow, now: string): string | null {
  const state = windowState(window, now);
  if (state === 'closed') {
    return `Consultation "${window.title}" is already closed (it closed at ${window.closesAt})`;
  }
  // Closing before it opens would leave a window that closes before it opens.
  if (state === 'upcoming') {
    return `Consultation "${window.title}" has not opened yet; change its closing date instead`;
  }
  return null;
}

/** Why a new closing time is not acceptable (a bad request), or null when it is. */
export function newClosingProblem(
  window: ConsultationWindow,
  closesAt: string,
  now: string,
): string | null {
  if (closesAt <= window.opensAt) return 'body.closesAt: must be after opensAt';
  // Closing now is what close is for: it is audited as such.
  if (closesAt <= now)
    return 'body.closesAt: must be in the future; to close it now, close it early';
  return null;
}

/** What a new closing time did, as the history shows it (closing early is its own action). */
export function windowChangeKind(
  before: { closesAt: string },
  after: { closesAt: string },
  at: string,
): Exclude<WindowChangeKind, 'close'> {
  if (before.closesAt <= at) return 'reopen';
  return after.closesAt > before.closesAt ? 'extend' : 'shorten';
}
