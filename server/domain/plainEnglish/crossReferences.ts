// Broken cross-references: paragraphs that do not exist in this version and artefacts that are
// not in the registry.

import type { Clause } from '../parseClauses.js';
import { clauseExists } from './clauseRefIndex.js';
import type { FindingSink } from './findings.js';
import { normaliseReference } from './referenceKeys.js';
import { squashSpace } from './text.js';

// "paragraph 3.2.4(a)", "paragraphs 3.2 and 3.4", "para 2.1 to 2.3", "Section 3.2" (numeric).
const NUMBER_REF = String.raw`\d{1,3}(?:\.\d{1,3}){0,6}(?:\([a-z0-9]{1,4}\))*`;
const PARAGRAPH_REF = new RegExp(
  String.raw`\b(?:sub-?)?(?:paragraphs?|paras?\.?|sections?)\s+(${NUMBER_REF}(?:\s*(?:,|and/or|and|or|to|-|–)\s*${NUMBER_REF})*)(?![\d.]*\d)`,
  'gi',
);
const ARTEFACT_REF = new RegExp(
  [
    String.raw`\b(BSCP)\s?(\d{1,4}[A-Z]?)\b(?:\s+Appendix\s+(\d{1,2}|[A-Z])\b)?`,
    String.raw`\b(BSC\s+(?:COP|CoP|Code of Practice))\s?(\d{1,2})\b`,
    String.raw`\b(Section)\s+([A-Z]{1,2})(?=\d|\b)(?![a-z'’-])`,
    String.raw`\b(Annex)\s+([A-Z]{1,2}\s?[-–]\s?\d{1,2})\b`,
    String.raw`\b(Schedule)\s+(\d{1,3}[A-Z]?|[A-Z]{1,3})\b(?![a-z'’-])`,
    String.raw`\b(Annex|Appendix)\s+(\d{1,2}|[A-Z])\b(?![-–.]\d|[a-z'’])`,
  ].join('|'),
  'g',
);
// "... of the Electricity Act", "... of Section S": the paragraph belongs to another document.
const EXTERNAL_SUFFIX = /^\s*(?:of|in|under|to)\s+(?:the\s+)?(?!this\b|these\b)\p{Lu}/u;
// A document named just before: "Section S paragraph 3.2", "Annex S-2, paragraph 4".
const DOCUMENT_BEFORE =
  /(?:\bSection\s+[A-Z]{1,2}|\bAnnex\s+\S+|\bSchedule\s+\S+|\bBSCP\s?\d+\w*|\bAppendix\s+\S+|\bCode|\bAct)\s*,?\s*$/;
const OWN_CODE_AFTER =
  /^\s*(?:of|in|under|to)\s+(?:the\s+)?(?:this\b|these\b|REC\b|BSC\b|Code\b|Retail Energy Code\b|Balancing and Settlement Code\b)/;

export function checkReferences(
  clause: Clause,
  text: string,
  refIndex: Set<string>,
  itemText: Map<string, string>,
  artefactReferences: ReadonlySet<string>,
  scopes: Set<string>,
  out: FindingSink,
): void {
  for (const m of text.matchAll(PARAGRAPH_REF)) {
    const start = m.index;
    const end = start + m[0].length;
    if (EXTERNAL_SUFFIX.test(text.slice(end, end + 40))) continue;
    if (DOCUMENT_BEFORE.test(text.slice(Math.max(0, start - 40), start))) continue;
    const refs = (m[1] ?? '').match(new RegExp(NUMBER_REF, 'g')) ?? [];
    const missing = refs.filter((ref) => !clauseExists(ref, refIndex, itemText));
    if (missing.length === 0) continue;
    const noun = /^sub/i.test(m[0])
      ? 'sub-paragraph'
      : /^sec/i.test(m[0])
        ? 'section'
        : 'paragraph';
    out.add(
      clause.ref,
      'broken-reference',
      squashSpace(m[0]),
      `${missing.map((ref) => `${noun} ${ref}`).join(', ')} ${missing.length === 1 ? 'does' : 'do'} not exist in this version`,
    );
  }

  for (const m of text.matchAll(ARTEFACT_REF)) {
    const start = m.index;
    const end = start + m[0].length;
    const after = text.slice(end, end + 60);
    let key: string | null = null;
    let label = squashSpace(m[0]);
    if (m[1] && m[2]) {
      key = normaliseReference('bscp', m[2]);
      label = `BSCP${m[2]}`;
    } else if (m[4] && m[5]) {
      key = normaliseReference('bsc cop', m[5]);
      label = `BSC COP ${m[5]}`;
    } else if (m[6] && m[7]) {
      if (EXTERNAL_SUFFIX.test(after) && !OWN_CODE_AFTER.test(after)) continue;
      key = normaliseReference('section', m[7]);
      label = `Section ${m[7]}`;
    } else if (m[8] && m[9]) {
      const id = m[9].replace(/\s/g, '').replace('–', '-');
      key = normaliseReference('annex', id);
      label = `Annex ${id}`;
    } else if (m[10] && m[11]) {
      if (EXTERNAL_SUFFIX.test(after) && !OWN_CODE_AFTER.test(after)) continue;
      key = normaliseReference('schedule', m[11]);
      label = `Schedule ${m[11]}`;
    } else if (m[12] && m[13]) {
      // "Appendix 2" of this document: only checkable when this version has its appendices.
      if (EXTERNAL_SUFFIX.test(after) && !OWN_CODE_AFTER.test(after)) continue;
      const scope = `${m[12]} ${m[13].toUpperCase()}`;
      if (!scopes.has(m[12]) || refIndex.has(scope)) continue;
      out.add(clause.ref, 'broken-reference', label, `${scope} does not exist in this version`);
      continue;
    }
    if (key === null || artefactReferences.has(key)) continue;
    out.add(
      clause.ref,
      'broken-reference',
      label,
      `${label} is not an artefact in the registry: check the reference`,
    );
  }
}
