// Runs one whole-text jsdiff call in a worker so the benchmark can stop it at a time limit.
// Plain JavaScript: worker threads do not inherit the tsx loader.
import { parentPort, workerData } from 'node:worker_threads';
import { diffLines, diffWords } from 'diff';

const { kind, before, after } = workerData;
const started = performance.now();
const changes = kind === 'lines' ? diffLines(before, after) : diffWords(before, after);
parentPort?.postMessage({ ms: performance.now() - started, changes: changes.length });
