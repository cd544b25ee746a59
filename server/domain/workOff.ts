import type { ChangeStatus } from '../db/queries/changes.js';
import type { WorkOffStatus, WorkOffTarget } from '../db/schema.js';

/** Where post-M6 work is aimed: the next two milestones, or later than both. */
export const WORK_OFF_TARGETS = ['M7', 'M8', 'Later'] as const satisfies readonly WorkOffTarget[];

export const WORK_OFF_STATUSES = [
  'open',
  'in-progress',
  'done',
  'withdrawn',
] as const satisfies readonly WorkOffStatus[];

export const WORK_OFF_STATUS_LABELS: Record<WorkOffStatus, string> = {
  open: 'Open',
  'in-progress': 'In progress',
  done: 'Done',
  withdrawn: 'Withdrawn',
};

/**
 * A post-M6 change becomes work once raised and until it is turned down: a rejected or withdrawn
 * change is no work to do, though an item already made for it stays (its owner can withdraw it).
 */
export const WORK_OFF_CHANGE_STATUSES = [
  'raised',
  'impact-assessment',
  'approved',
  'implemented',
] as const satisfies readonly ChangeStatus[];

export const isWorkOffChange = (change: { postM6: number | boolean; status: ChangeStatus }) =>
  Boolean(Number(change.postM6)) &&
  (WORK_OFF_CHANGE_STATUSES as readonly ChangeStatus[]).includes(change.status);

/**
 * The code body that owns a change's work by default: the one whose artefacts it affects, when
 * there is exactly one; otherwise nobody until the programme assigns it.
 */
export function defaultChangeOwner(codes: readonly string[]): string | null {
  const distinct = [...new Set(codes)];
  return distinct.length === 1 ? (distinct[0] ?? null) : null;
}
