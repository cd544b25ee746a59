// A deterministic generator of Section-S-sized legal text and of successors with a share of
// clauses rewritten, for the redline benchmark.

const VOCABULARY = (
  'the supplier shall submit metered data to the settlement administration agent for each ' +
  'settlement period within five working days of the relevant settlement date provided that ' +
  'where any party agent fails to provide such data the bsc agent may estimate volumes in ' +
  'accordance with the relevant code subsidiary document and notify the performance assurance ' +
  'board of any material error affecting allocation reconciliation or the calculation of charges'
).split(' ');

export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function sentence(rand: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++)
    out.push(VOCABULARY[Math.floor(rand() * VOCABULARY.length)] ?? 'data');
  const text = out.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}

export interface GeneratedDocument {
  lines: string[];
  clauseLines: number[];
}

/** About 2,000 numbered clauses and 340,000 characters, shaped like a BSC section. */
export function generateSection(clauses = 2000, seed = 42): GeneratedDocument {
  const rand = random(seed);
  const lines = ['SECTION S: SUPPLIER VOLUME ALLOCATION', ''];
  const clauseLines: number[] = [];
  let made = 0;
  for (let top = 1; made < clauses; top++) {
    lines.push(`${top}. ${sentence(rand, 3).toUpperCase().replace('.', '')}`, '');
    made++;
    for (let sub = 1; sub <= 5 && made < clauses; sub++) {
      lines.push(`${top}.${sub} ${sentence(rand, 4).replace('.', '')}`, '');
      made++;
      for (let para = 1; para <= 8 && made < clauses; para++) {
        clauseLines.push(lines.length);
        lines.push(`${top}.${sub}.${para} ${sentence(rand, 27)}`, '');
        made++;
      }
    }
  }
  return { lines, clauseLines };
}

/** Rewrites the given share of numbered paragraphs: each chosen paragraph gets new text of the same length. */
export function rewrite(doc: GeneratedDocument, share: number, seed = 7): string {
  const rand = random(seed);
  const lines = [...doc.lines];
  for (const index of doc.clauseLines) {
    if (rand() >= share) continue;
    const [number, ...words] = (lines[index] ?? '').split(' ');
    lines[index] = `${number} ${sentence(rand, words.length)}`;
  }
  return lines.join('\n');
}
