import { request } from '../api';
import type { OutstandingHistory } from '../../../server/domain/outstandingHistory';

// The series is the server's, worked out from the audit log; the client only draws it.
export {
  peakOf,
  type OutstandingDay,
  type OutstandingHistory,
} from '../../../server/domain/outstandingHistory';

export const getOutstandingHistory = (signal?: AbortSignal) =>
  request<{ data: OutstandingHistory }>('/api/readiness/outstanding-history', { signal });
