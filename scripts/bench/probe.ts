// What a worst-case request does to everyone else: GET /api/health polled every 10 ms while the
// work runs, and the server process's resident memory (Linux /proc) sampled meanwhile.
import fs from 'node:fs';

export interface Polled {
  p50: number;
  p99: number;
  max: number;
  count: number;
}

export interface Probed<T> {
  ms: number;
  value: T;
  health: Polled;
  /** Health polls whose connection was reset. */
  resets: number;
  /** The server's resident memory before the work, in MB. */
  startMb: number;
  /** The server's peak resident memory during the work, in MB. */
  peakMb: number;
}

function summarise(latencies: number[]): Polled {
  const sorted = [...latencies].sort((x, y) => x - y);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] ?? 0, count: sorted.length };
}

/** A /proc/<pid>/status field in kB (VmRSS: now; VmHWM: the peak since the last reset). */
function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
}

/** Resets the process's peak-RSS mark (VmHWM); false where the kernel does not allow it. */
function resetPeak(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

export function rssMb(pid: number): number {
  return statusKb(pid, 'VmRSS') / 1024;
}

/** Runs `work` while polling health and sampling the server's memory. */
export async function probe<T>(
  url: string,
  pid: number,
  work: () => Promise<T>,
): Promise<Probed<T>> {
  const latencies: number[] = [];
  let resets = 0;
  const startKb = statusKb(pid, 'VmRSS');
  const exactPeak = resetPeak(pid);
  let sampledPeakKb = startKb;
  const sampler = setInterval(() => {
    sampledPeakKb = Math.max(sampledPeakKb, statusKb(pid, 'VmRSS'));
  }, 10);
  let done = false;
  const poller = (async () => {
    while (!done) {
      const started = performance.now();
      try {
        const res = await fetch(`${url}/api/health`);
        await res.arrayBuffer();
        latencies.push(performance.now() - started);
      } catch {
        // A kept-alive connection the server closed as it was reused (its idle timer fires
        // late when its loop was blocked): counted, and polled again on a fresh one.
        resets += 1;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  const started = performance.now();
  let value: T;
  let ms: number;
  let peakKb: number;
  try {
    value = await work();
    ms = performance.now() - started;
    peakKb = Math.max(sampledPeakKb, exactPeak ? statusKb(pid, 'VmHWM') : 0);
  } finally {
    done = true;
    clearInterval(sampler);
    // The poll in flight as the work ends counts: when the work blocked the server, it is the
    // one that waited longest.
    await poller;
  }
  return {
    ms,
    value,
    health: summarise(latencies),
    resets,
    startMb: startKb / 1024,
    peakMb: peakKb / 1024,
  };
}

export const PROBE_COLUMNS =
  '| ms | health polls | health p50 ms | health p99 ms | health max ms | health resets | p99 / idle p99 | peak MB above idle | peak MB above start |';

/**
 * A Markdown table row: the case, its time, health's latencies and their ratio to the idle p99,
 * and the server's peak memory above its idle size (the baseline's start) and above its size
 * just before the case.
 */
export function probeRow(
  name: string,
  p: Probed<unknown>,
  idle: Probed<unknown>,
  extra: string[],
): string {
  const ratio = idle.health.p99 > 0 ? (p.health.p99 / idle.health.p99).toFixed(1) : 'n/a';
  const aboveIdle = p.peakMb - idle.startMb;
  const aboveStart = p.peakMb - p.startMb;
  return `| ${name} | ${p.ms.toFixed(0)} | ${p.health.count} | ${p.health.p50.toFixed(1)} | ${p.health.p99.toFixed(1)} | ${p.health.max.toFixed(1)} | ${p.resets} | ${ratio} | ${aboveIdle.toFixed(0)} | ${aboveStart.toFixed(0)} | ${extra.join(' | ')} |`;
}

/**
 * Waits (up to `maxMs`) until the server's resident memory stops falling, so that a case starts
 * from what the server holds rather than from garbage of the case before that V8 has not yet
 * handed back.
 */
export async function settle(pid: number, maxMs = 20_000): Promise<number> {
  const deadline = Date.now() + maxMs;
  let last = rssMb(pid);
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 2000));
    const now = rssMb(pid);
    if (now > last - 2) return now;
    last = now;
  }
  return last;
}
