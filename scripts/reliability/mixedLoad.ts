// A bounded mixed load for the reliability scripts: each worker makes four reads to one comment
// write, one request at a time, and every request is recorded (when, how long, what answered).
import { performance } from 'node:perf_hooks';
import { api, postComment, type Review } from '../lib/review.js';

export interface Sample {
  /** ms since the load started */
  start: number;
  end: number;
  write: boolean;
  /** The HTTP status, or 0 when no answer came (connection refused or cut). */
  status: number;
  /** The comment's number (its body names it), for writes. */
  n?: number;
  /** The comment's id once acknowledged (201). */
  id?: string;
}

export const succeeded = (s: Sample) => s.status === (s.write ? 201 : 200);

export interface LoadOptions {
  baseUrl: string;
  review: Review;
  workers: number;
  durationMs: number;
  /** Numbers comments from here, so that every comment of a run has its own. */
  firstComment: number;
  /** Called once, halfway through, with the load's clock. */
  halfway?: (now: () => number) => void;
}

export async function mixedLoad(options: LoadOptions): Promise<Sample[]> {
  const review = { ...options.review, baseUrl: options.baseUrl };
  const [a, b] = review.artefactIds as [string, string];
  const reads = [
    '/api/artefacts',
    `/api/comments?artefactId=${a}&limit=50`,
    `/api/artefacts/${b}`,
    '/api/readiness',
  ];
  const samples: Sample[] = [];
  const began = performance.now();
  const now = () => performance.now() - began;
  let next = options.firstComment;
  const halfway = setTimeout(() => options.halfway?.(now), options.durationMs / 2);

  const worker = async (w: number) => {
    for (let i = w; now() < options.durationMs; i++) {
      const start = now();
      const signal = AbortSignal.timeout(30_000);
      const token = review.participantTokens[i % review.participantTokens.length];
      if (i % 5 === 4) {
        const n = next++;
        const res = await postComment(review, n, { signal }).catch(() => null);
        samples.push({ start, end: now(), write: true, status: res?.status ?? 0, n, id: res?.id });
      } else {
        const path = reads[i % 5] as string;
        const res = await api(options.baseUrl, path, { token, signal }).catch(() => null);
        samples.push({ start, end: now(), write: false, status: res?.status ?? 0 });
      }
    }
  };
  await Promise.all(Array.from({ length: options.workers }, (_, w) => worker(w)));
  clearTimeout(halfway);
  return samples;
}

export function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** Throughput and latency of the samples that started within [from, to) ms. */
export function summarise(samples: Sample[], from = 0, to = Infinity) {
  const window = samples.filter((s) => s.start >= from && s.start < to);
  const ok = window.filter(succeeded);
  const latencies = window.map((s) => s.end - s.start).sort((x, y) => x - y);
  const lastEnd = window.reduce((max, s) => Math.max(max, s.end), from);
  const seconds = (Math.min(to, lastEnd) - from) / 1000;
  return {
    requests: window.length,
    ok: ok.length,
    failed: window.length - ok.length,
    perSecond: seconds > 0 ? ok.length / seconds : 0,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    writesAcknowledged: ok.filter((s) => s.write).length,
  };
}

export function formatSummary(label: string, s: ReturnType<typeof summarise>): string {
  return (
    `${label.padEnd(34)} ${String(s.requests).padStart(6)} req  ${s.perSecond.toFixed(0).padStart(5)}/s ok  ` +
    `p50 ${s.p50.toFixed(0).padStart(4)} ms  p99 ${s.p99.toFixed(0).padStart(5)} ms  ` +
    `failed ${s.failed}  writes acknowledged ${s.writesAcknowledged}`
  );
}
