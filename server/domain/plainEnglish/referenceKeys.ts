// How registry references are keyed, so that a citation in the text can be matched against the
// registry whichever way it is written.

import { squashSpace } from './text.js';

export function normaliseReference(kind: string, id: string): string {
  const k = kind.toLowerCase();
  const i = id.toLowerCase().replace(/[–—]/g, '-');
  if (k === 'bscp') return `bscp${i}`;
  if (k === 'bsc cop') return `bsc cop ${i}`;
  return `${k} ${i}`;
}

const REFERENCE_PART =
  /\b(Section)\s+([A-Z]{1,2})(?![a-z])|\b(Annex)\s+([A-Z]{1,2}[-–]\d{1,2})\b|\b(Schedule)\s+(\d{1,3}[A-Z]?|[A-Z]{1,3})\b(?![a-z])|\b(BSCP)\s?(\d{1,4}[A-Z]?)\b|\b(BSC\s+COP)\s?(\d{1,2})\b|\b(Appendix)\s+(\d{1,2}|[A-Z])\b/gi;

/**
 * The keys under which a registry reference can be cited: 'Section S Annex S-3' is known as
 * 'section s annex s-3', 'annex s-3' and 'section s'; 'BSCP707 Appendix 1' as 'bscp707 appendix 1'
 * and 'bscp707'.
 */
export function referenceKeys(reference: string): string[] {
  const keys = new Set<string>([squashSpace(reference).toLowerCase()]);
  for (const m of reference.matchAll(REFERENCE_PART)) {
    for (let g = 1; g < m.length; g += 2) {
      const kind = m[g];
      const id = m[g + 1];
      if (kind && id && !/^appendix$/i.test(kind)) {
        keys.add(normaliseReference(squashSpace(kind), id));
      }
    }
  }
  const bscp = /^\s*BSCP\s?(\d{1,4}[A-Z]?)\s+(Appendix\s+\S+)\s*$/i.exec(reference);
  if (bscp?.[1] && bscp[2])
    keys.add(`bscp${bscp[1].toLowerCase()} ${squashSpace(bscp[2]).toLowerCase()}`);
  return [...keys];
}
