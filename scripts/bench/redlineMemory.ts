// Our redline alone in a fresh process, so its peak memory (max RSS) is its own.
import { computeRedline, redlineDocumentHtml } from '../../server/domain/redline.js';
import { parseClauses } from '../../server/domain/parseClauses.js';
import { generateSection, rewrite } from './legalText.js';

const doc = generateSection();
const before = doc.lines.join('\n');
for (const share of [0.05, 0.2, 0.5]) {
  const redline = computeRedline(
    parseClauses(before).clauses,
    parseClauses(rewrite(doc, share)).clauses,
  );
  redlineDocumentHtml(redline);
}
console.log(JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024 }));
