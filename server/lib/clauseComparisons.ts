// Comparing two versions costs time in proportion to their size: a 5 MB pair takes seconds. Small
// pairs are compared in place (cheaper than a round trip); large ones on a worker thread, one at a
// time, so that no request stalls the others, with a deadline after which the worker is stopped.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { clauseSuccessors, type ClauseSuccessor } from '../domain/alignClauses.js';
import type { Clause } from '../domain/parseClauses.js';
import { AppError } from '../errors.js';
import { redlineJson } from '../presenters/redline.js';
import type { ComparisonTask } from './clauseWorker.js';

/** Versions smaller than this (characters of clause text, both together) are compared in place. */
export const IN_PLACE_LIMIT = 100_000;
const DEADLINE_MS = 60_000;

type Kind = ComparisonTask['kind'];
/** A redline comes back as the JSON the endpoint sends (see presenters/redline.ts). */
type Result<K extends Kind> = K extends 'redline' ? string : Map<string, ClauseSuccessor>;

interface Pending {
  task: ComparisonTask;
  resolve(value: unknown): void;
  reject(err: Error): void;
}

const size = (clauses: readonly Clause[]) => {
  let n = 0;
  for (const c of clauses) n += c.text.length + (c.heading?.length ?? 0);
  return n;
};

const tooSlow = () =>
  new AppError(
    503,
    'comparison_timeout',
    'The comparison took too long and was stopped; try comparing smaller versions',
  );

class ComparisonWorker {
  private worker: Worker | null = null;
  private readonly queue: Pending[] = [];
  private current: Pending | null = null;
  private timer: NodeJS.Timeout | null = null;
  private nextId = 1;

  run(kind: Kind, from: Clause[], to: Clause[]): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.queue.push({ task: { id: this.nextId++, kind, from, to }, resolve, reject });
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
      this.start().postMessage(next.task);
    } catch (err) {
      this.fail(err instanceof Error ? err : new Error(String(err)), true);
    }
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = spawnWorker();
    worker.unref();
    worker.on('message', (message: { id: number; result?: unknown; error?: string }) => {
      const current = this.current;
      if (!current || current.task.id !== message.id) return;
      this.finish();
      if (message.error !== undefined) current.reject(new Error(message.error));
      else current.resolve(message.result);
    });
    worker.on('error', (err) => this.fail(err, false));
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null;
      if (this.current) this.fail(new Error('The comparison worker stopped'), false);
    });
    this.worker = worker;
    return worker;
  }

  private finish(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.current = null;
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
function spawnWorker(): Worker {
  const here = fileURLToPath(import.meta.url);
  const file = path.join(path.dirname(here), `clauseWorker${path.extname(here)}`);
  if (!file.endsWith('.ts')) return new Worker(file);
  const tsxRoot = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsx = pathToFileURL(path.join(tsxRoot, 'dist/esm/api/index.mjs')).href;
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(pathToFileURL(file).href)}); });`;
  return new Worker(boot, { eval: true });
}

let shared: ComparisonWorker | undefined;

/** Compares two versions: a redline, or where each old clause went (for placing comments). */
export async function compareVersions<K extends Kind>(
  kind: K,
  from: Clause[],
  to: Clause[],
  options: { inPlaceLimit?: number } = {},
): Promise<Result<K>> {
  if (size(from) + size(to) < (options.inPlaceLimit ?? IN_PLACE_LIMIT)) {
    return (kind === 'redline' ? redlineJson(from, to) : clauseSuccessors(from, to)) as Result<K>;
  }
  shared ??= new ComparisonWorker();
  return (await shared.run(kind, from, to)) as Result<K>;
}
