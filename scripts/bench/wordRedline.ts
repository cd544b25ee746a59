// Issue 11: the Word redline of the largest versions, through the real server: 2,000 clauses of
// about 380 words each (5 MB), every clause edited, downloaded as redline.docx while GET
// /api/health is polled every 10 ms. Target: health p99 within 5x of its p99 on the idle server
// (baseline measured in the same run), and the server's memory no more than 300 MB above idle.
import { startBenchServer } from './harness.js';
import { random } from './legalText.js';
import { PROBE_COLUMNS, probe, probeRow, settle } from './probe.js';

const WORDS = (
  'the supplier shall ensure that its half hourly data collector complies with bscp502 in ' +
  'relation to each sva metering system and submits metered data to the settlement ' +
  'administration agent within five working days of the settlement date'
).split(' ');

function versions(): { before: string; after: string } {
  const rand = random(11);
  const pick = () => WORDS[Math.floor(rand() * WORDS.length)] ?? 'data';
  const head = ['SECTION S: SUPPLIER VOLUME ALLOCATION', '', '1. GENERAL', ''];
  const a = [...head];
  const b = [...head];
  for (let n = 1; n <= 2000; n++) {
    const text = Array.from({ length: 380 }, pick);
    const edited = text.map((w) => (rand() < 0.1 ? pick() : w));
    const prose = (t: string[]) => t.map((w, i) => (i % 20 === 19 ? `${w}.` : w)).join(' ') + '.';
    a.push(`1.${n} ${prose(text)}`, '');
    b.push(`1.${n} ${prose(edited)}`, '');
  }
  return { before: a.join('\n'), after: b.join('\n') };
}

export async function benchWordRedline(): Promise<boolean> {
  const server = await startBenchServer();
  const call = async (path: string, body?: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        authorization: `Bearer ${server.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    if (!res.ok) throw new Error(`${path}: ${res.status} ${bytes.toString().slice(0, 300)}`);
    return bytes;
  };
  try {
    const list = JSON.parse((await call('/api/artefacts?q=BSCP701')).toString()) as {
      data: { id: string; reference: string }[];
    };
    const id = list.data.find((a) => a.reference === 'BSCP701')?.id ?? '';
    const { before, after } = versions();
    await call(`/api/artefacts/${id}/versions`, { label: 'v1', body: before });
    await call(`/api/artefacts/${id}/versions`, { label: 'v2', body: after });
    await settle(server.pid);
    const idle = await probe(server.url, server.pid, () => new Promise((r) => setTimeout(r, 3000)));
    const run = await probe(server.url, server.pid, () =>
      call(`/api/artefacts/${id}/redline.docx`),
    );
    const p99Ratio = run.health.p99 / idle.health.p99;
    const peakAboveIdle = run.peakMb - idle.startMb;
    const met = p99Ratio <= 5 && peakAboveIdle <= 300;
    console.log(`\n### Word redline of two 5 MB versions (issue 11), health polled every 10 ms\n`);
    console.log(`| case ${PROBE_COLUMNS} file | target |`);
    console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
    console.log(probeRow('idle (baseline)', idle, idle, ['', '']));
    console.log(
      probeRow(`GET redline.docx (${(before.length / 1e6).toFixed(1)} MB each)`, run, idle, [
        `${(run.value.length / 1e6).toFixed(1)} MB`,
        `p99 <= 5x idle and <= 300 MB above idle: ${met ? 'met' : 'NOT met'}`,
      ]),
    );
    return met;
  } finally {
    await server.stop();
  }
}
