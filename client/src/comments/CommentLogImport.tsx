import { useId, useRef, useState, type FormEvent } from 'react';
import { COMMENT_LOG_COLUMNS } from '../../../server/domain/commentLog/columns';
import {
  COMMENT_LOG_ACCEPT,
  commentLogFormat,
  importCommentLog,
  importProblems,
  type ImportedRowRef,
  type ImportProblem,
  type ImportResult,
} from './commentsApi';
import { STATUS_LABELS } from './vocabulary';
import { plural } from '../format';

type Outcome =
  | { kind: 'imported'; result: ImportResult }
  | { kind: 'failed'; message: string; problems: ImportProblem[] };

// A rejected 50,000-row file can have many problems; the first few are enough to start fixing it.
const SHOWN_PROBLEMS = 200;
const SHOWN_REFS = 20;

function importedText({ created, updated, unchanged, notTheirs }: ImportResult): string {
  const parts = [
    `${plural(created.length, 'new comment')} imported`,
    `${plural(updated.length, 'decision')} applied`,
  ];
  if (unchanged.length) parts.push(`${plural(unchanged.length, 'row')} unchanged`);
  if (notTheirs.length) parts.push(`${plural(notTheirs.length, 'row')} not yours to decide`);
  return `${parts.join(', ')}.`;
}

/** "C-000001 (row 2), C-000002 (row 3) and 5 more", each row as `describe` words it. */
function refList<R extends ImportedRowRef>(rows: R[], describe = (r: R) => `row ${r.row}`): string {
  const more = rows.length - SHOWN_REFS;
  return (
    rows
      .slice(0, SHOWN_REFS)
      .map((r) => `${r.ref} (${describe(r)})`)
      .join(', ') + (more > 0 ? ` and ${more} more` : '')
  );
}

/** Which rows did what, for each kind of row the import had. */
function ImportedRows({ result }: { result: ImportResult }) {
  const { updated, unchanged, notTheirs } = result;
  const changedNotTheirs = notTheirs.filter((r) => r.changed);
  const codes = [...new Set(notTheirs.map((r) => r.code))].join(', ');
  return (
    <ul>
      {updated.length > 0 && (
        <li>
          Decisions applied:{' '}
          {refList(updated, (r) => `row ${r.row}, now ${STATUS_LABELS[r.status].toLowerCase()}`)}.
        </li>
      )}
      {unchanged.length > 0 && <li>Already as the file says: {refList(unchanged)}.</li>}
      {notTheirs.length > 0 && (
        <li>
          Not yours to decide ({codes} comments), left as they are: {refList(notTheirs)}.
          {changedNotTheirs.length > 0 &&
            ` ${plural(changedNotTheirs.length, 'row')} had changes that were not applied: ${refList(changedNotTheirs)}.`}
        </li>
      )}
    </ul>
  );
}

function wrongTypeText(fileName: string): string {
  return `“${fileName}” is not a .csv or .xlsx file. Save the comment log as CSV or as an Excel workbook (.xlsx) and choose that file.`;
}

interface Props {
  /** A code body's own code, whose artefacts alone it may import comments on; null for any code. */
  code: string | null;
  onImported(result: ImportResult): void;
}

/** Uploads an industry comment log (the export's columns); the server takes all its rows or none. */
export function CommentLogImport({ code, onImported }: Props) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const fail = (message: string, problems: ImportProblem[] = []) =>
    setOutcome({ kind: 'failed', message, problems });

  function chosen() {
    const file = input.current?.files?.[0];
    if (file && !commentLogFormat(file.name)) fail(wrongTypeText(file.name));
    else setOutcome(null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return fail('Choose a .csv or .xlsx comment log to import.');
    const format = commentLogFormat(file.name);
    if (!format) return fail(wrongTypeText(file.name));
    setBusy(true);
    setOutcome(null);
    try {
      const result = await importCommentLog(file, format);
      setOutcome({ kind: 'imported', result });
      onImported(result);
    } catch (caught) {
      fail(caught instanceof Error ? caught.message : String(caught), importProblems(caught));
    } finally {
      setBusy(false);
    }
  }

  const problems = outcome?.kind === 'failed' ? outcome.problems : [];
  return (
    <section className="comment-log-import" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Import comment log</h2>
      <form onSubmit={(e) => void submit(e)} aria-busy={busy}>
        <div className="field">
          <label htmlFor={`${id}-file`}>Comment log file (.csv or .xlsx)</label>
          <input
            ref={input}
            id={`${id}-file`}
            type="file"
            accept={COMMENT_LOG_ACCEPT}
            aria-describedby={`${id}-hint`}
            disabled={busy}
            onChange={chosen}
          />
          <p id={`${id}-hint`} className="hint">
            Use the export&apos;s columns ({COMMENT_LOG_COLUMNS.join(', ')}); words or codes
            (&ldquo;Partially accepted&rdquo;), dates as 21/08/2024 14:05 (UK time) or ISO 8601; a
            file with any invalid row is rejected whole, and importing the same file again never
            duplicates a comment.
            {code
              ? ` On rows of an exported log, the Status, Code body response, Change and Action you changed are applied as your decisions on ${code} comments, unless the comment changed since the export. You can import comments on ${code} artefacts only.`
              : ' Rows of comments already here are left as they are: only their code body decides them.'}
          </p>
        </div>
        <button type="submit" disabled={busy}>
          {busy ? 'Importing…' : 'Import'}
        </button>
      </form>
      {outcome?.kind === 'imported' && (
        <div className="notice" role="status">
          <p>{importedText(outcome.result)}</p>
          <ImportedRows result={outcome.result} />
        </div>
      )}
      {outcome?.kind === 'failed' && (
        <>
          <p className="error" role="alert">
            {outcome.message}
          </p>
          {problems.length > 0 && (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">Problems in the file</caption>
                <thead>
                  <tr>
                    <th scope="col">Row</th>
                    <th scope="col">Column</th>
                    <th scope="col">Problem</th>
                  </tr>
                </thead>
                <tbody>
                  {problems.slice(0, SHOWN_PROBLEMS).map((p, index) => (
                    <tr key={index}>
                      <td className="numeric">{p.row}</td>
                      <td className="nowrap">{p.column}</td>
                      <td>{p.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {problems.length > SHOWN_PROBLEMS && (
                <p className="hint">
                  The first {SHOWN_PROBLEMS} of {problems.length} problems are shown.
                </p>
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}
