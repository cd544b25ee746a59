export interface ConsultationWindow {
  title: string;
  opensAt: string;
  closesAt: string;
}

export type WindowState = 'upcoming' | 'open' | 'closed';

export function windowState(window: ConsultationWindow, now: string): WindowState {
  if (now < window.opensAt) return 'upcoming';
  return now < window.closesAt ? 'open' : 'closed';
}

/**
 * Why an artefact cannot take comments now, naming the window, or null when one of its
 * consultations is open.
 */
export function commentWindowProblem(
  reference: string,
  windows: readonly ConsultationWindow[],
  now: string,
): string | null {
  if (windows.some((w) => windowState(w, now) === 'open')) return null;
  const upcoming = windows
    .filter((w) => windowState(w, now) === 'upcoming')
    .sort((a, b) => a.opensAt.localeCompare(b.opensAt))[0];
  if (upcoming) {
    return `Comments on ${reference} are not open yet: consultation "${upcoming.title}" opens at ${upcoming.opensAt}`;
  }
  const last = windows
    .filter((w) => windowState(w, now) === 'closed')
    .sort((a, b) => b.closesAt.localeCompare(a.closesAt))[0];
  if (last) {
    return `Comments on ${reference} are closed: consultation "${last.title}" closed at ${last.closesAt}`;
  }
  return `${reference} has not been put out to consultation, so it cannot take comments yet`;
}
