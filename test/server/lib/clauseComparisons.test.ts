import { expect } from 'chai';
import { clauseSuccessors } from '../../../server/domain/alignClauses.js';
import { parseClauses } from '../../../server/domain/parseClauses.js';
import { compareVersions } from '../../../server/lib/clauseComparisons.js';
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

describe('comparing versions off the main thread', function () {
  this.timeout(60_000);
  const from = parseClauses(section(800, false)).clauses;
  const to = parseClauses(section(800, true)).clauses;

  it('gives on the worker thread exactly what it gives in place', async () => {
    const onWorker = await compareVersions('redline', from, to, { inPlaceLimit: 0 });
    expect(onWorker).to.equal(redlineJson(from, to));
    const parsed = JSON.parse(onWorker) as { stats: { modified: number } };
    expect(parsed.stats.modified).to.equal(266);
    const successors = await compareVersions('successors', from, to, { inPlaceLimit: 0 });
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
    const json = await compareVersions('redline', big, bigger);
    running = false;
    expect(JSON.parse(json).stats.modified).to.equal(1333);
    // In place, the comparison would hold the thread from start to end: no turn at all.
    expect(turns).to.be.greaterThan(10);
  });
});
