// Issue 4 targets, on a Section-S-sized document (2,000 clauses, ~340,000 characters) and
// successors with 5%, 20% and 50% of clauses rewritten: our redline at 50% in under 1% of
// whole-text diffWords at 20%; within 3x of whole-text diffLines at every size; peak memory
// under 200 MB. Whole-text diffWords is stopped at a time limit and reported as "over N s".
import { execFileSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { parseClauses } from '../../server/domain/parseClauses.js';
import { computeRedline, redlineDocumentHtml } from '../../server/domain/redline.js';
import { generateSection, rewrite } from './legalText.js';

const WORKER = new URL('./redlineWorker.mjs', import.meta.url);

function wholeText(kind: 'lines' | 'words', before: string, after: string, limitMs: number) {
  return new Promise<number | null>((resolve, reject) => {
    const worker = new Worker(WORKER, {
      workerData: { kind, before, after },
      execArgv: ['--import', 'tsx'],
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve(null);
    }, limitMs);
    worker.once('message', (m: { ms: number }) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(m.ms);
    });
    worker.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

function ours(before: string, after: string): number {
  const runs = 5;
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    const redline = computeRedline(parseClauses(before).clauses, parseClauses(after).clauses);
    redlineDocumentHtml(redline);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

export async function benchRedline(
  limitSeconds = Number(process.env.REDLINE_LIMIT_S ?? 120),
): Promise<boolean> {
  const doc = generateSection();
  const before = doc.lines.join('\n');
  const clauses = parseClauses(before).clauses.length;
  console.log(
    `\n### Redline of a ${clauses.toLocaleString('en-GB')}-clause, ${before.length.toLocaleString('en-GB')}-character section\n`,
  );
  console.log(
    '| rewritten | ours (parse + align + diff + HTML) ms | whole-text diffLines ms | ratio to diffLines | whole-text diffWords |',
  );
  console.log('|---|---|---|---|---|');
  const rows: { share: number; ours: number; lines: number; words: number | null }[] = [];
  for (const share of [0.05, 0.2, 0.5]) {
    const after = rewrite(doc, share);
    const oursMs = ours(before, after);
    const linesMs = (await wholeText('lines', before, after, limitSeconds * 1000)) ?? Infinity;
    const wordsMs = await wholeText('words', before, after, limitSeconds * 1000);
    rows.push({ share, ours: oursMs, lines: linesMs, words: wordsMs });
    console.log(
      `| ${share * 100}% | ${oursMs.toFixed(1)} | ${linesMs.toFixed(1)} | ${(oursMs / linesMs).toFixed(2)} | ${wordsMs === null ? `over ${limitSeconds} s` : `${(wordsMs / 1000).toFixed(2)} s`} |`,
    );
  }
  const memory = JSON.parse(
    execFileSync(process.execPath, [
      '--import',
      'tsx',
      new URL('./redlineMemory.ts', import.meta.url).pathname,
    ]).toString(),
  ) as { maxRssMb: number };
  const at50 = rows.find((r) => r.share === 0.5);
  const words20 = rows.find((r) => r.share === 0.2)?.words ?? limitSeconds * 1000;
  const shareOfWords = at50 ? at50.ours / words20 : Infinity;
  const withinLines = rows.every((r) => r.ours <= 3 * r.lines);
  console.log(
    `\nOurs at 50% is ${(shareOfWords * 100).toFixed(3)}% of whole-text diffWords at 20%${rows.find((r) => r.share === 0.2)?.words === null ? ' (at least: diffWords hit the time limit)' : ''}: target under 1%: ${shareOfWords < 0.01 ? 'met' : 'NOT met'}`,
  );
  console.log(
    `Within 3x of whole-text diffLines at every size: ${withinLines ? 'met' : 'NOT met'}`,
  );
  console.log(
    `Peak memory (max RSS of a process running only our redline): ${memory.maxRssMb.toFixed(0)} MB: target under 200 MB: ${memory.maxRssMb < 200 ? 'met' : 'NOT met'}`,
  );
  return shareOfWords < 0.01 && withinLines && memory.maxRssMb < 200;
}
