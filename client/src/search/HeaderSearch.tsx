import { useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';

/** The search box in every page's header: opens the results page for the words typed. */
export function HeaderSearch() {
  const navigate = useNavigate();
  const location = useLocation();
  const [text, setText] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    const q = text.trim();
    if (!q) return;
    // Keep the results page's filters when searching again from it.
    const params = new URLSearchParams(location.pathname === '/search' ? location.search : '');
    params.set('q', q);
    params.delete('cursor');
    navigate(`/search?${params}`);
  }

  return (
    <form
      className="header-search"
      role="search"
      aria-label="Clauses and comments"
      onSubmit={submit}
    >
      <label htmlFor="header-search-q" className="visually-hidden">
        Find in clauses and comments
      </label>
      <input
        id="header-search-q"
        type="search"
        placeholder="Find in clauses…"
        maxLength={200}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit">Search</button>
    </form>
  );
}
