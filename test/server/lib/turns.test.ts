import { expect } from 'chai';
import { perKeyLimit } from '../../../server/lib/perKeyLimit.js';
import { turns } from '../../../server/lib/turns.js';

describe('turns', () => {
  it('lets so many in at once, the rest in order, and refuses beyond the queue', async () => {
    const gate = turns(2, 1);
    const first = await gate.take();
    const second = await gate.take();
    const order: string[] = [];
    const third = gate.take();
    void third?.then(() => order.push('third'));
    expect(gate.take()).to.equal(null);
    expect(order).to.deep.equal([]);
    first?.();
    first?.(); // a second release of the same turn changes nothing
    const thirdRelease = await third;
    expect(order).to.deep.equal(['third']);
    // Two are running (second and third): the next waits again.
    const fourth = gate.take();
    expect(fourth).to.not.equal(null);
    second?.();
    (await fourth)?.();
    thirdRelease?.();
    // All released: two at once again without waiting.
    expect(await Promise.all([gate.take(), gate.take()])).to.have.length(2);
  });
});

describe('perKeyLimit', () => {
  it('allows so many per key, independently, and gives places back once', () => {
    const limit = perKeyLimit(2);
    const a1 = limit.tryEnter('a');
    const a2 = limit.tryEnter('a');
    expect(limit.tryEnter('a')).to.equal(null);
    expect(limit.tryEnter('b')).to.not.equal(null);
    a1?.();
    a1?.();
    expect(limit.tryEnter('a')).to.not.equal(null);
    expect(limit.tryEnter('a')).to.equal(null);
    a2?.();
    expect(limit.tryEnter('a')).to.not.equal(null);
  });
});
