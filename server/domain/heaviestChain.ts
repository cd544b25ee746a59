export interface Candidate {
  from: number;
  to: number;
  weight: number;
}

/**
 * The heaviest set of candidate pairs that keeps both orders (no two share an end, none cross):
 * a weighted longest common subsequence over sparse candidates, in O(k log k) with a Fenwick
 * tree of prefix maxima over `to`. Returned in order.
 */
export function heaviestChain(candidates: readonly Candidate[]): Candidate[] {
  if (candidates.length === 0) return [];
  // Same `from` in descending `to`: a pair can then never chain onto a pair with its own `from`.
  const sorted = [...candidates].sort((a, b) => a.from - b.from || b.to - a.to);
  let size = 0;
  for (const c of sorted) size = Math.max(size, c.to + 1);
  const tree = new Float64Array(size + 1);
  const owner = new Int32Array(size + 1).fill(-1);
  const total = new Float64Array(sorted.length);
  const previous = new Int32Array(sorted.length).fill(-1);
  let bestEnd = -1;
  sorted.forEach((c, k) => {
    let best = 0;
    let before = -1;
    for (let x = c.to; x > 0; x -= x & -x) {
      if ((tree[x] as number) > best) {
        best = tree[x] as number;
        before = owner[x] as number;
      }
    }
    const sum = best + c.weight;
    total[k] = sum;
    previous[k] = before;
    for (let x = c.to + 1; x <= size; x += x & -x) {
      if ((tree[x] as number) < sum) {
        tree[x] = sum;
        owner[x] = k;
      }
    }
    if (bestEnd === -1 || sum > (total[bestEnd] as number)) bestEnd = k;
  });
  const chain: Candidate[] = [];
  for (let k = bestEnd; k !== -1; k = previous[k] as number) chain.push(sorted[k] as Candidate);
  return chain.reverse();
}
