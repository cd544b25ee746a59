import { renderMarkdown } from '../domain/markdown.js';
import { sha256, type PaperSnapshot } from '../domain/recommendationPaper.js';

export interface RecommendationRow {
  id: string;
  verdict: 'ready' | 'not-ready';
  snapshot: string;
  fingerprint: string;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: string;
}

export interface DecisionRow {
  id: string;
  body: string;
  outcome: string;
  notes: string;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: string;
}

export function presentRecommendation(
  row: RecommendationRow,
  snapshot: PaperSnapshot,
  decisions: DecisionRow[],
  baselineId: string | null,
) {
  return {
    id: row.id,
    verdict: row.verdict,
    createdAt: row.createdAt,
    createdBy: row.createdBy ? { id: row.createdBy, name: row.createdByName ?? '' } : null,
    readiness: snapshot.readiness,
    dueProcess: snapshot.dueProcess,
    baseline: snapshot.baseline ?? null,
    waivers: snapshot.waivers ?? null,
    workOff: snapshot.workOff ?? null,
    snapshotHash: sha256(row.snapshot),
    decisions: decisions.map((d) => ({
      id: d.id,
      body: d.body,
      outcome: d.outcome,
      notes: d.notes,
      decidedBy: d.decidedBy ? { id: d.decidedBy, name: d.decidedByName ?? '' } : null,
      decidedAt: d.decidedAt,
    })),
    baselineId,
    formats: {
      html: `/api/recommendations/${row.id}.html`,
      md: `/api/recommendations/${row.id}.md`,
      docx: `/api/recommendations/${row.id}.docx`,
    },
  };
}

const PRINT_CSS = `
body { font-family: Arial, Helvetica, sans-serif; margin: 2rem auto; max-width: 60rem; color: #111; line-height: 1.4; }
h1 { color: #0b3d6e; } h2 { color: #0b3d6e; border-bottom: 1px solid #ccc; padding-bottom: .2rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid #999; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #e8eef5; }
tr { break-inside: avoid; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } }
`;

/** A standalone, print-ready HTML page; the body is the paper's Markdown, sanitised like all Markdown. */
export function paperHtml(markdown: string, title: string): string {
  const escapedTitle = title.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${escapedTitle}</title><style>${PRINT_CSS}</style></head><body>${renderMarkdown(markdown)}</body></html>`;
}
