// The worker thread of offThread.ts: runs named tasks and sends back their results, handing
// byte results over without a copy, and an AppError as one (status, code, message, details).
import { parentPort } from 'node:worker_threads';
import { AppError } from '../errors.js';
import { TASKS, type TaskMessage } from './offThreadTasks.js';

parentPort?.on('message', async ({ id, name, args }: TaskMessage) => {
  try {
    const run = TASKS[name] as (...a: unknown[]) => unknown;
    const result = await run(...args);
    if (result instanceof Uint8Array) {
      // A Buffer may share a pooled ArrayBuffer: copy out exactly its bytes, then hand them over.
      const bytes = new Uint8Array(result.byteLength);
      bytes.set(result);
      parentPort?.postMessage({ id, result: bytes }, [bytes.buffer]);
    } else parentPort?.postMessage({ id, result });
  } catch (err) {
    const appError =
      err instanceof AppError
        ? { status: err.status, code: err.code, details: err.details, headers: err.headers }
        : undefined;
    parentPort?.postMessage({
      id,
      error: err instanceof Error ? err.message : String(err),
      appError,
    });
  }
});
