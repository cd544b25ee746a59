// The pure, CPU-heavy work a request may need on large input, by name, so that it can run on the
// worker thread (offThread.ts) or in place with the same code.
import { clauseSuccessors } from '../domain/alignClauses.js';
import { renderDocumentHtml } from '../domain/markdown.js';
import { parseClauses } from '../domain/parseClauses.js';
import type { Clause, ParsedDocument } from '../domain/parseClauses.js';
import { checkPlainEnglish, type PlainEnglishContext } from '../domain/plainEnglish/check.js';
import { redlineJson } from '../presenters/redline.js';
import { docxToMarkdown, type DocxConversion, type DocxUpload } from './docxToMarkdown.js';
import { writeRedlineDocx, type RedlineFile } from './redlineDocx.js';
import {
  clauseCitations,
  renumbering,
  type TextReference,
} from '../domain/crossReferences/index.js';

export const TASKS = {
  /** A Word document of `to` with every change from `from` a tracked change. */
  redlineDocx: async (from: string, to: string, file: RedlineFile): Promise<Uint8Array> =>
    new Uint8Array(await writeRedlineDocx(from, to, file)),
  /** The presented redline as UTF-8 JSON (see presenters/redline.ts). */
  redline: (from: Clause[], to: Clause[]): Uint8Array => redlineJson(from, to),
  /** Where each clause of one version went in another, for placing comments. */
  successors: (from: Clause[], to: Clause[]) => clauseSuccessors(from, to),
  /** A version's clauses, sanitised HTML and the citations in each clause, from its Markdown. */
  prepareVersion: (
    body: string,
  ): { parsed: ParsedDocument; html: string; citations: TextReference[][] } => {
    const parsed = parseClauses(body);
    return {
      parsed,
      html: renderDocumentHtml(parsed),
      citations: clauseCitations(parsed.clauses),
    };
  },
  /** Which clause refs of one version have another ref in the next (see crossReferences). */
  renumbering: (from: Clause[], to: Clause[]) => renumbering(from, to),
  plainEnglish: (clauses: Clause[], context: PlainEnglishContext) =>
    checkPlainEnglish(clauses, context),
  /** A Word upload as Markdown (its bytes arrive on the worker as a plain Uint8Array). */
  docxToMarkdown: (file: DocxUpload): Promise<DocxConversion> =>
    docxToMarkdown({
      ...file,
      buffer: Buffer.from(file.buffer.buffer, file.buffer.byteOffset, file.buffer.byteLength),
    }),
};

export type TaskName = keyof typeof TASKS;
export type TaskArgs<N extends TaskName> = Parameters<(typeof TASKS)[N]>;
export type TaskResult<N extends TaskName> = ReturnType<(typeof TASKS)[N]>;

export interface TaskMessage {
  id: number;
  name: TaskName;
  args: unknown[];
}
