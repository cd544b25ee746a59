import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { sourceLabel, type GlossaryEntry } from './glossaryApi';
import type { TermMatcher } from './termMatcher';

interface Shown {
  term: HTMLElement;
  entry: GlossaryEntry;
}

const termOf = (target: EventTarget | null) =>
  target instanceof Element ? target.closest<HTMLElement>('.defined-term') : null;

/**
 * Shows a defined term's definition while the pointer is over it or it has keyboard focus, in one
 * tooltip the term is described by. Escape dismisses it; the pointer may move onto it to read it.
 */
export function DefinedTermTips({
  matcher,
  children,
}: {
  matcher: TermMatcher | null;
  children: ReactNode;
}) {
  const id = useId();
  const [shown, setShown] = useState<Shown | null>(null);
  const tip = useRef<HTMLDivElement>(null);

  // A moment's grace, so that the pointer can cross from the term onto the tooltip.
  const leaving = useRef<number | undefined>(undefined);
  const stay = () => window.clearTimeout(leaving.current);
  const hide = useCallback(() => {
    window.clearTimeout(leaving.current);
    setShown(null);
  }, []);
  useEffect(() => () => window.clearTimeout(leaving.current), []);

  useLayoutEffect(() => {
    if (!shown) return;
    shown.term.setAttribute('aria-describedby', id);
    return () => shown.term.removeAttribute('aria-describedby');
  }, [shown, id]);

  const show = useCallback(
    (term: HTMLElement | null) => {
      const entry = term && matcher?.entries[Number(term.dataset.term)];
      if (!term || !entry) return;
      setShown((current) => (current?.term === term ? current : { term, entry }));
    },
    [matcher],
  );

  function handleMouseOver(event: MouseEvent) {
    const term = termOf(event.target);
    if (term || tip.current?.contains(event.target as Node)) stay();
    if (term) show(term);
  }

  function handleMouseOut(event: MouseEvent) {
    const to = event.relatedTarget instanceof Node ? event.relatedTarget : null;
    if (!shown || shown.term.contains(to) || tip.current?.contains(to)) return;
    if (document.activeElement === shown.term) return;
    stay();
    leaving.current = window.setTimeout(hide, 300);
  }

  function handleFocus(event: FocusEvent) {
    const term = termOf(event.target);
    if (term) {
      stay();
      show(term);
    }
  }

  function handleBlur(event: FocusEvent) {
    if (shown && event.target === shown.term) hide();
  }

  function handleKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape' && shown) hide();
  }

  return (
    <div
      className="defined-terms"
      onMouseOver={handleMouseOver}
      onMouseOut={handleMouseOut}
      onFocus={handleFocus}
      onBlur={handleBlur}
      onKeyDown={handleKeyDown}
    >
      {children}
      {shown && <TermTooltip id={id} ref={tip} shown={shown} />}
    </div>
  );
}

function TermTooltip({
  id,
  ref,
  shown,
}: {
  id: string;
  ref: RefObject<HTMLDivElement | null>;
  shown: Shown;
}) {
  const [place, setPlace] = useState({ top: 0, left: 0 });
  // Fixed to the viewport below the term (above it when there is no room below), following it as
  // the page scrolls.
  useLayoutEffect(() => {
    const follow = () => {
      const rect = shown.term.getBoundingClientRect();
      const width = Math.min(420, window.innerWidth - 16);
      const height = ref.current?.offsetHeight ?? 0;
      const below = rect.bottom + 6;
      setPlace({
        top:
          below + height > window.innerHeight && rect.top - height - 6 > 0
            ? rect.top - height - 6
            : below,
        left: Math.max(8, Math.min(rect.left, window.innerWidth - width - 8)),
      });
    };
    follow();
    window.addEventListener('scroll', follow, true);
    window.addEventListener('resize', follow);
    return () => {
      window.removeEventListener('scroll', follow, true);
      window.removeEventListener('resize', follow);
    };
  }, [shown.term, ref]);

  const { entry } = shown;
  return (
    <div ref={ref} role="tooltip" id={id} className="term-tooltip" style={place}>
      <p className="term-tooltip-term">
        <strong>{entry.term}</strong>
        {entry.conflicting && (
          <>
            {' '}
            <span className="term-flag">Defined differently</span>
          </>
        )}
      </p>
      <ul>
        {entry.definitions.map((d, i) => (
          <li key={i}>
            {entry.definitions.length > 1 && (
              <span className="term-tooltip-source">{sourceLabel(d.source)}: </span>
            )}
            {d.text}
          </li>
        ))}
      </ul>
    </div>
  );
}
