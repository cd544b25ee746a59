import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { useInAppLinks } from './useInAppLinks';

const LANDED = 'clause-landed';
const CLAUSE_ANCHOR = /^clause(-|$)/;

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

interface Props {
  versionLabel: string;
  /** Where to land when the URL names no clause, e.g. the clause of a comment being opened. */
  initialAnchor?: string;
}

/**
 * Lands on the clause the URL's #anchor names, once the version's clauses exist: the browser
 * tried before they were loaded and gave up. The clause is scrolled to, focused (so a screen
 * reader starts reading there) and marked until the next navigation; this happens again on every
 * navigation, including a citation to a clause on the same page and Back. Mount it with the
 * clauses, inside the version's article.
 */
export function ClauseLanding({ versionLabel, initialAnchor }: Props) {
  const location = useLocation();
  const region = useRef<HTMLParagraphElement>(null);
  const firstKey = useRef(location.key);
  const [missing, setMissing] = useState<string | null>(null);
  useInAppLinks(region);

  useEffect(() => {
    const first = location.key === firstKey.current;
    const hash = decodeURIComponent(location.hash.slice(1));
    const anchor = hash || (first ? initialAnchor : undefined);
    // Arriving on the page jumps, as the browser would; moving within it may glide.
    const behavior: ScrollBehavior = first || reducedMotion() ? 'auto' : 'smooth';
    setMissing(null);
    if (!anchor) return;
    const target = document.getElementById(anchor);
    if (!target) {
      // Other anchors (the skip link's #main) are not ours to report.
      if (CLAUSE_ANCHOR.test(anchor)) setMissing(anchor);
      return;
    }
    const article = region.current?.closest('.version-body');
    if (!article?.contains(target) || !target.matches('.clause')) return;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.classList.add(LANDED);
    target.scrollIntoView({ block: 'start', behavior });
    target.focus({ preventScroll: true });
    return () => target.classList.remove(LANDED);
  }, [location.key, location.hash, initialAnchor]);

  return (
    <p ref={region} role="status" className={missing ? 'notice clause-missing' : 'clause-missing'}>
      {missing &&
        `The link points to a clause (#${missing}) that is not in version ${versionLabel}.`}
    </p>
  );
}
