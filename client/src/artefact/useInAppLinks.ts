import { useEffect, type RefObject } from 'react';
import { useNavigate } from 'react-router-dom';

/**
 * Follows the plain links in the version's article (citations in clause text, "Referenced by")
 * inside the app instead of loading the page again, so the version stays loaded, a citation to
 * the same artefact is only a change of #anchor, and Back returns to where the reader was. Links
 * React Router already handles, downloads and anything opened elsewhere are left alone.
 */
export function useInAppLinks(inside: RefObject<Element | null>): void {
  const navigate = useNavigate();
  useEffect(() => {
    function follow(event: MouseEvent) {
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const article = inside.current?.closest('.version-body');
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!article || !(link instanceof HTMLAnchorElement) || !article.contains(link)) return;
      if (link.hasAttribute('download') || (link.target && link.target !== '_self')) return;
      const url = new URL(link.href);
      if (url.origin !== window.location.origin || !url.pathname.startsWith('/artefacts/')) return;
      event.preventDefault();
      const to = url.pathname + url.search + url.hash;
      // As a browser does, following a link to where the reader already is adds no history.
      const here = window.location.pathname + window.location.search + window.location.hash;
      navigate(to, { replace: to === here });
    }
    // On the document, so React's own handlers (a <Link>'s) have run first.
    document.addEventListener('click', follow);
    return () => document.removeEventListener('click', follow);
  }, [inside, navigate]);
}
