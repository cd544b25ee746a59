import type { Consultation } from '../consultations/consultationsApi';
import { formatDateTime } from '../format';

export interface CommentWindow {
  open: boolean;
  message: string;
}

const latest = (items: Consultation[], key: 'opensAt' | 'closesAt', newest: boolean) =>
  [...items].sort((a, b) => (newest ? -1 : 1) * a[key].localeCompare(b[key]))[0];

/**
 * Whether an artefact takes comments now and why, from its consultations. Mirrors the server's
 * rule; the server still decides, and its 409 is shown if the window shut in the meantime.
 */
export function describeCommentWindow(
  reference: string,
  consultations: Consultation[],
): CommentWindow {
  const open = latest(
    consultations.filter((c) => c.state === 'open'),
    'closesAt',
    true,
  );
  if (open) {
    return {
      open: true,
      message: `Consultation “${open.title}” open until ${formatDateTime(open.closesAt)}.`,
    };
  }
  const upcoming = latest(
    consultations.filter((c) => c.state === 'upcoming'),
    'opensAt',
    false,
  );
  if (upcoming) {
    return {
      open: false,
      message: `Comments are not open yet: consultation “${upcoming.title}” opens ${formatDateTime(upcoming.opensAt)}.`,
    };
  }
  const closed = latest(
    consultations.filter((c) => c.state === 'closed'),
    'closesAt',
    true,
  );
  if (closed) {
    return {
      open: false,
      message: `Comments are closed: consultation “${closed.title}” closed ${formatDateTime(closed.closesAt)}.`,
    };
  }
  return {
    open: false,
    message: `Comments are not open yet: ${reference} has not been put out to consultation.`,
  };
}
