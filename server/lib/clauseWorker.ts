// The worker thread that compares versions (see clauseComparisons.ts): alignment and word diffs
// of large versions run here so that the server's event loop keeps answering.
import { parentPort } from 'node:worker_threads';
import { clauseSuccessors } from '../domain/alignClauses.js';
import type { Clause } from '../domain/parseClauses.js';
import { redlineJson } from '../presenters/redline.js';

export interface ComparisonTask {
  id: number;
  kind: 'redline' | 'successors';
  from: Clause[];
  to: Clause[];
}

parentPort?.on('message', (task: ComparisonTask) => {
  try {
    const result =
      task.kind === 'redline'
        ? redlineJson(task.from, task.to)
        : clauseSuccessors(task.from, task.to);
    parentPort?.postMessage({ id: task.id, result });
  } catch (err) {
    parentPort?.postMessage({
      id: task.id,
      error: err instanceof Error ? err.message : String(err),
    });
  }
});
