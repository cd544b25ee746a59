// Work on large input (comparing two 5 MB versions takes seconds; parsing, rendering and checking
// one takes a second) would stall every other request if done on the main thread. Small input is
// handled in place (cheaper than a round trip); large input on a worker thread, one task at a
// time, with a deadline after which the worker is stopped.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Clause } from '../domain/parseClauses.js';
import { AppError } from '../errors.js';
import {
  TASKS,
  type TaskArgs,
  type TaskMessage,
  type TaskName,
  type TaskResult,
} from './offThreadTasks.js';

/** Characters of clause text: what work on a version grows with. */
export function clauseTextSize(clauses: readonly Clause[]): number {
  let n = 0;
  for (const c of clauses) n += c.text.length + (c.heading?.length ?? 0);
  return n;
}

/** Input smaller than this (characters) is handled in place. */
export const IN_PLACE_LIMIT = 100_000;
const DEADLINE_MS = 60_000;

interface Pending {
  task: TaskMessage;
  resolve(value: unknown): void;
  reject(err: Error): void;
}

interface WorkerMessage {
  id: number;
  result?: unknown;
  error?: string;
  /** An AppError raised by the task, to be raised again here as one. */
  appError?: Pick<AppError, 'status' | 'code' | 'details' | 'headers'>;
}

function errorOf(message: string, app: WorkerMessage['appError']): Error {
  return app
    ? new AppError(app.status, app.code, message, app.details, app.headers)
    : new Error(message);
}

const tooSlow = () =>
  new AppError(503, 'too_slow', 'The work took too long and was stopped; try smaller versions');

const outOfMemory = () =>
  new AppError(
    413,
    'payload_too_large',
    'The upload needs more memory to process than one upload may use; send a smaller file',
  );

/** A worker whose heap is capped runs one task and is then stopped, giving its memory back. */
interface WorkerOptions {
  heapLimitMb?: number;
}

class TaskWorker {
  private worker: Worker | null = null;
  private readonly queue: Pending[] = [];
  private current: Pending | null = null;
  private timer: NodeJS.Timeout | null = null;
  private nextId = 1;

  constructor(private readonly options: WorkerOptions = {}) {}

  run(name: TaskName, args: unknown[]): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.queue.push({ task: { id: this.nextId++, name, args }, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    if (this.current) return;
    const next = this.queue.shift();
    if (!next) return;
    this.current = next;
    this.timer = setTimeout(() => this.fail(tooSlow(), true), DEADLINE_MS);
    try {
      const worker = this.start();
      worker.ref();
      worker.postMessage(next.task);
    } catch (err) {
      this.fail(err instanceof Error ? err : new Error(String(err)), true);
    }
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = spawnWorker(this.options.heapLimitMb);
    worker.on('message', (message: WorkerMessage) => {
      const current = this.current;
      if (!current || current.task.id !== message.id) return;
      this.finish();
      if (message.error !== undefined) current.reject(errorOf(message.error, message.appError));
      else current.resolve(message.result);
    });
    worker.on('error', (err: Error & { code?: string }) =>
      this.fail(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? outOfMemory() : err, false),
    );
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null;
      if (this.current) this.fail(new Error('The worker thread stopped'), false);
    });
    this.worker = worker;
    return worker;
  }

  private finish(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.current = null;
    if (this.options.heapLimitMb && this.worker) {
      void this.worker.terminate();
      this.worker = null;
    }
    // An idle worker must not keep the process alive (listeners re-reference it: unref last).
    this.worker?.unref();
    setImmediate(() => this.pump());
  }

  private fail(err: Error, stop: boolean): void {
    const current = this.current;
    if (stop && this.worker) {
      const worker = this.worker;
      this.worker = null;
      void worker.terminate();
    }
    this.finish();
    current?.reject(err);
  }
}

/**
 * Compiled, this module and the worker are .js. Under tsx (development and tests) they are .ts,
 * and a worker thread does not inherit tsx's loader: it registers it before loading the worker.
 */
function spawnWorker(heapLimitMb?: number): Worker {
  const here = fileURLToPath(import.meta.url);
  const file = path.join(path.dirname(here), `offThreadWorker${path.extname(here)}`);
  const resourceLimits = heapLimitMb ? { maxOldGenerationSizeMb: heapLimitMb } : undefined;
  if (!file.endsWith('.ts')) return new Worker(file, { resourceLimits });
  const tsxRoot = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsx = pathToFileURL(path.join(tsxRoot, 'dist/esm/api/index.mjs')).href;
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(pathToFileURL(file).href)}); });`;
  return new Worker(boot, { eval: true, resourceLimits });
}

let shared: TaskWorker | undefined;
const capped = new Map<string, TaskWorker>();

/**
 * Runs a task on the worker thread, or in place when its input (`size`, in characters) is small.
 * Byte results come back as Buffers. With `heapLimitMb`, the task runs on a worker of its own kind
 * whose heap is capped (one such task at a time): running out is a 413, not the process's end.
 */
export async function runTask<N extends TaskName>(
  name: N,
  args: TaskArgs<N>,
  size: number,
  options: { inPlaceLimit?: number; heapLimitMb?: number } = {},
): Promise<TaskResult<N>> {
  if (size < (options.inPlaceLimit ?? IN_PLACE_LIMIT)) {
    const run = TASKS[name] as unknown as (...a: TaskArgs<N>) => TaskResult<N>;
    return run(...args);
  }
  let worker: TaskWorker;
  if (options.heapLimitMb) {
    const key = `${name}:${options.heapLimitMb}`;
    worker = capped.get(key) ?? new TaskWorker({ heapLimitMb: options.heapLimitMb });
    capped.set(key, worker);
  } else worker = shared ??= new TaskWorker();
  const result = await worker.run(name, args);
  return (
    result instanceof Uint8Array
      ? Buffer.from(result.buffer, result.byteOffset, result.byteLength)
      : result
  ) as TaskResult<N>;
}
