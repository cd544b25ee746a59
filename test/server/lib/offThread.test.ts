import { expect } from 'chai';
import { clauseSuccessors } from '../../../server/domain/alignClauses.js';
import { parseClauses } from '../../../server/domain/parseClauses.js';
import { runTask } from '../../../server/lib/offThread.js';
import { redlineJson } from '../../../server/presenters/redline.js';

const paragraph = (n: number, edited: boolean) =>
  `1.${n} The Supplier shall ensure that its ${n % 2 ? 'Half Hourly' : 'Non Half Hourly'} Data ` +
  `Collector complies with BSCP50${n % 7} in relation to ${edited && n % 3 === 0 ? 'each' : 'the'} ` +
  `SVA Metering System numbered ${n} and reports to the SVAA within ${n % 5} Working Days.`;

const section = (clauses: number, edited: boolean) =>
  [
    '1. GENERAL',
    '',
    ...Array.from({ length: clauses }, (_, i) => [paragraph(i + 1, edited), '']).flat(),
  ].join('\n');

describe('heavy work off the main thread', function () {
  this.timeout(60_000);
  const from = parseClauses(section(800, false)).clauses;
  const to = parseClauses(section(800, true)).clauses;

  it('gives on the worker thread exactly what it gives in place', async () => {
    const onWorker = await runTask('redline', [from, to], 1, { inPlaceLimit: 0 });
    expect(Buffer.from(onWorker).equals(redlineJson(from, to))).to.equal(true);
    const parsed = JSON.parse(Buffer.from(onWorker).toString()) as {
      stats: { modified: number };
    };
    expect(parsed.stats.modified).to.equal(266);
    const successors = await runTask('successors', [from, to], 1, { inPlaceLimit: 0 });
    expect([...successors]).to.deep.equal([...clauseSuccessors(from, to)]);
  });

  it('keeps the event loop turning while a large comparison runs', async () => {
    const big = parseClauses(section(4000, false)).clauses;
    const bigger = parseClauses(section(4000, true)).clauses;
    let turns = 0;
    let running = true;
    const tick = () => {
      if (!running) return;
      turns += 1;
      setImmediate(tick);
    };
    setImmediate(tick);
    const json = Buffer.from(await runTask('redline', [big, bigger], 1, { inPlaceLimit: 0 }));
    running = false;
    expect(JSON.parse(json.toString()).stats.modified).to.equal(1333);
    // In place, the comparison would hold the thread from start to end: no turn at all.
    expect(turns).to.be.greaterThan(10);
  });
});
