import type { Clause } from '../domain/parseClauses.js';
import { computeRedline, redlineDocumentHtml, type Redline } from '../domain/redline.js';

/** What the redline endpoint sends: changed clauses, where every clause went, and the document. */
export function presentRedline(redline: Redline) {
  return {
    stats: redline.stats,
    clauses: redline.clauses
      .filter((c) => c.change !== 'unchanged')
      .map((c) => ({
        ref: c.ref,
        fromRef: c.fromRef,
        change: c.change,
        textChanged: c.textChanged,
        html: c.html,
        ...(c.mergedInto === undefined ? {} : { mergedInto: c.mergedInto }),
        ...(c.splitFrom === undefined ? {} : { splitFrom: c.splitFrom }),
        ...(c.coarse ? { coarse: true } : {}),
      })),
    mapping: redline.mapping,
    movedAway: redline.movedAway.map(({ fromRef, toRef }) => ({ fromRef, toRef })),
    notes: redline.notes,
    documentHtml: redlineDocumentHtml(redline),
  };
}

/**
 * The presented redline between two clause lists, as UTF-8 JSON: made where it is computed (on
 * the worker thread for large versions), so that the main thread has nothing left to serialise
 * or encode, and the bytes cross threads without a copy.
 */
export function redlineJson(from: Clause[], to: Clause[]): Buffer {
  return Buffer.from(JSON.stringify(presentRedline(computeRedline(from, to))));
}
