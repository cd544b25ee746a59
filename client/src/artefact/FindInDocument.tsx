import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { findHits, readClauseTexts, type ClauseText, type Hit } from './clauseTexts';
import { foldQuery, MIN_QUERY_LENGTH } from './findMatches';
import { clearHits, paintCurrent, paintHits, revealHit } from './findHighlights';

/** Past this many, hits are not highlighted or counted: "1,000+" is answer enough. */
export const MAX_HITS = 1000;
const DEBOUNCE_MS = 200;

interface Result {
  /** The query these are the hits of: the status speaks of it, not of what is half typed. */
  query: string;
  hits: Hit[];
  more: boolean;
}

// What was last sought in each artefact, so it is sought again in the next version shown.
const remembered = new Map<string, string>();

const count = (n: number) => n.toLocaleString('en-GB');

// Whether a change under the article touched clause text (not just the comment tools beside it).
function touchesClauseText(record: MutationRecord): boolean {
  const target = record.target instanceof Element ? record.target : record.target.parentElement;
  if (target?.closest('.clause-text')) return true;
  return [...record.addedNodes, ...record.removedNodes].some(
    (node) =>
      node instanceof Element &&
      (node.matches('.clause, .clause-text') || node.querySelector('.clause-text') !== null),
  );
}

/**
 * Find in the version shown: highlights every match in the clause text and steps through them.
 * Highlights are painted with the CSS Custom Highlight API, so the DOM React renders is never
 * touched. Mount it inside the version's article; the browser's own find (Ctrl+F) still works.
 */
export function FindInDocument({ artefactId }: { artefactId: string }) {
  const form = useRef<HTMLFormElement>(null);
  const [text, setText] = useState(() => remembered.get(artefactId) ?? '');
  const [query, setQuery] = useState(text);
  const [result, setResult] = useState<Result>({ query: '', hits: [], more: false });
  const [index, setIndex] = useState(0);
  // Bumped when the clause text is rendered again (citations linked), as ranges then go stale.
  const [textChanged, setTextChanged] = useState(0);
  const clauses = useRef<ClauseText[] | null>(null);
  const searched = useRef(query);
  // Set by the reader's own typing or stepping: only then does the page scroll to a match.
  const reveal = useRef(false);

  useEffect(() => {
    remembered.set(artefactId, text);
    const timer = setTimeout(() => setQuery(text), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [artefactId, text]);

  useEffect(() => {
    const article = form.current?.closest('.version-body');
    if (!article) return;
    const observer = new MutationObserver((records) => {
      if (!records.some(touchesClauseText)) return;
      clauses.current = null;
      setTextChanged((n) => n + 1);
    });
    observer.observe(article, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const article = form.current?.closest('.version-body');
    const newQuery = searched.current !== query;
    searched.current = query;
    if (!article || !foldQuery(query)) {
      setResult({ query, hits: [], more: false });
      reveal.current = false;
      return;
    }
    clauses.current ??= readClauseTexts(article);
    const found = findHits(clauses.current, query, MAX_HITS + 1);
    const hits = found.slice(0, MAX_HITS);
    setResult({ query, hits, more: found.length > MAX_HITS });
    // The same query over re-rendered text keeps its place; a new one starts at the top.
    setIndex((i) => (newQuery ? 0 : Math.min(i, Math.max(0, hits.length - 1))));
  }, [query, textChanged]);

  useEffect(() => {
    paintHits(result.hits.map((hit) => hit.range));
  }, [result]);

  useEffect(() => {
    const current = result.hits[index];
    paintCurrent(current?.range ?? null);
    if (current && reveal.current && form.current) revealHit(current.range, form.current);
    reveal.current = false;
  }, [result, index]);

  useEffect(() => clearHits, []);

  const total = result.hits.length;
  function step(by: number) {
    if (total === 0) return;
    reveal.current = true;
    setIndex((i) => (i + by + total) % total);
  }

  function handleKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      // Typed, then Enter before the pause: search now rather than step through stale hits.
      if (text !== query) {
        reveal.current = true;
        setQuery(text);
      } else step(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape' && text) {
      event.preventDefault();
      setText('');
      setQuery('');
    }
  }

  const current = result.hits[index];
  const tooShort = text.trim().length > 0 && !foldQuery(text);
  const status = tooShort
    ? `Type at least ${MIN_QUERY_LENGTH} characters to find.`
    : !foldQuery(result.query)
      ? ''
      : total === 0
        ? 'No matches'
        : `${count(index + 1)} of ${count(total)}${result.more ? '+' : ''} ${total === 1 ? 'match' : 'matches'}, in ${current?.ref}`;

  return (
    <form
      ref={form}
      className="find-in-document no-print"
      role="search"
      aria-label="Find in document"
      onSubmit={(event) => event.preventDefault()}
      // The article composes a comment from a selection on mouse-up; stepping is not selecting.
      onMouseUp={(event) => event.stopPropagation()}
      onKeyUp={(event) => event.stopPropagation()}
    >
      <label htmlFor="find-in-document">Find in this version</label>
      <input
        id="find-in-document"
        type="search"
        autoComplete="off"
        maxLength={200}
        value={text}
        onChange={(event) => {
          reveal.current = true;
          setText(event.target.value);
        }}
        onKeyDown={handleKey}
        aria-describedby="find-in-document-status"
      />
      <button
        type="button"
        className="secondary"
        aria-label="Previous match"
        disabled={total === 0}
        onClick={() => step(-1)}
      >
        Previous
      </button>
      <button
        type="button"
        className="secondary"
        aria-label="Next match"
        disabled={total === 0}
        onClick={() => step(1)}
      >
        Next
      </button>
      <span id="find-in-document-status" className="find-count" role="status">
        {status}
      </span>
    </form>
  );
}
