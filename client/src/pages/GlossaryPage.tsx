import { useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { plural } from '../format';
import {
  listGlossary,
  sourceLabel,
  type GlossaryDefinition,
  type GlossaryEntry,
} from '../glossary/glossaryApi';
import { TermUsages } from '../glossary/TermUsages';
import { useApi } from '../useApi';

/** Entries under their initial letter, A to Z (digits and others under "#"). */
function byLetter(entries: readonly GlossaryEntry[]): [string, GlossaryEntry[]][] {
  const groups = new Map<string, GlossaryEntry[]>();
  for (const entry of entries) {
    const first = entry.term.charAt(0).toUpperCase();
    const letter = /\p{L}/u.test(first) ? first : '#';
    groups.set(letter, [...(groups.get(letter) ?? []), entry]);
  }
  return [...groups];
}

/** Every defined term across BSC Annex X-1, REC Schedule 1 and the configured list. */
export function GlossaryPage() {
  const [q, setQ] = useState('');
  const [conflicting, setConflicting] = useState(false);
  const glossary = useApi(
    (signal) => listGlossary({ q: q.trim(), conflicting }, signal),
    [q, conflicting],
  );
  const entries = glossary.data ?? [];
  const differing = entries.filter((e) => e.conflicting).length;
  const groups = byLetter(entries);

  return (
    <>
      <title>Glossary · M6 Review</title>
      <h1>Glossary</h1>
      <p className="muted">
        The terms defined in the current versions of BSC Section X Annex X-1, REC Schedule 1 and the
        configured list of defined terms, with where each definition is and where each term is used.
      </p>
      <form
        className="filters"
        role="search"
        aria-label="Filter the glossary"
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="field field-grow">
          <label htmlFor="glossary-q">Term</label>
          <input
            id="glossary-q"
            type="search"
            maxLength={200}
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
        </div>
        <div className="checkbox">
          <input
            id="glossary-conflicting"
            type="checkbox"
            checked={conflicting}
            onChange={(e) => setConflicting(e.target.checked)}
          />
          <label htmlFor="glossary-conflicting">Only terms defined differently</label>
        </div>
      </form>

      <p className="result-count" role="status">
        {glossary.loading && !glossary.data
          ? 'Loading…'
          : glossary.data
            ? `${plural(entries.length, 'term')}${differing ? `, ${differing} defined differently` : ''}`
            : ''}
      </p>
      {glossary.error && (
        <p className="error" role="alert">
          {glossary.error.message}
        </p>
      )}

      {groups.length > 1 && (
        <nav aria-label="Glossary letters">
          <ul className="glossary-letters">
            {groups.map(([letter]) => (
              <li key={letter}>
                <a href={`#glossary-letter-${letter}`}>{letter}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <div aria-busy={glossary.loading}>
        {groups.map(([letter, group]) => (
          <section key={letter} aria-labelledby={`glossary-letter-${letter}`}>
            <h2 id={`glossary-letter-${letter}`} className="glossary-letter">
              {letter}
            </h2>
            {group.map((entry) => (
              <Term key={entry.term} entry={entry} />
            ))}
          </section>
        ))}
      </div>
    </>
  );
}

function Term({ entry }: { entry: GlossaryEntry }) {
  const id = useId();
  return (
    <article className="glossary-entry" aria-labelledby={`${id}-term`}>
      <h3 id={`${id}-term`}>
        {entry.term}
        {entry.conflicting && (
          <>
            {' '}
            <span className="term-flag">Defined differently</span>
          </>
        )}
      </h3>
      {entry.definitions.length === 0 ? (
        <p className="muted">On the configured list of defined terms, without a definition.</p>
      ) : (
        <ul className="glossary-definitions">
          {entry.definitions.map((d, i) => (
            <li key={i}>
              {d.text} <Source definition={d} />
            </li>
          ))}
        </ul>
      )}
      <TermUsages term={entry.term} id={id} />
    </article>
  );
}

function Source({ definition: { source } }: { definition: GlossaryDefinition }) {
  if (source.kind === 'artefact')
    return (
      <span className="glossary-source">
        (<Link to={source.href}>{sourceLabel(source)}</Link>, {source.version.label})
      </span>
    );
  return (
    <span className="glossary-source">
      (Configured list
      {source.from && (
        <>
          , defined from{' '}
          <Link to={source.from.href}>
            {source.from.code} {source.from.reference} {source.from.clauseRef}
          </Link>
        </>
      )}
      )
    </span>
  );
}
