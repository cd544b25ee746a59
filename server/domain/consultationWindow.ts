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

export type CommentChange = 'edit' | 'withdraw' | 'reply';

const CHANGED: Record<CommentChange, string> = {
  edit: 'be edited',
  withdraw: 'be withdrawn',
  reply: 'take replies',
};

/**
 * Why a comment cannot take this change now, or null when it can. What the author said (edits,
 * withdrawal) and the industry's side of the thread (replies) close with the consultation
 * window, as new comments do: after the deadline the code body triages what was said by then.
 * The code body that owns the artefact may still reply, since answering comments is its work in
 * Triage and Action. A window on the artefact that is open now keeps its comments open too.
 */
export function commentChangeProblem(
  change: CommentChange,
  comment: { ref: string },
  windows: readonly ConsultationWindow[],
  now: string,
  byOwningCodeBody: boolean,
): string | null {
  if (change === 'reply' && byOwningCodeBody) return null;
  if (windows.some((w) => windowState(w, now) === 'open')) return null;
  const last = windows
    .filter((w) => windowState(w, now) === 'closed')
    .sort((a, b) => b.closesAt.localeCompare(a.closesAt))[0];
  const why = last
    ? `consultation "${last.title}" closed at ${last.closesAt}`
    : 'no consultation on its artefact is open';
  const codeBody = change === 'reply' ? '; the code body may still reply' : '';
  return `Comment ${comment.ref} can no longer ${CHANGED[change]}: ${why}${codeBody}`;
}
