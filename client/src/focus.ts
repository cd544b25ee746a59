import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useLocation } from 'react-router-dom';

// Where keyboard and screen-reader users are put when the page changes under them: a control that
// disappears, a form that opens or a page that loads would otherwise leave focus on <body>.

const FIELDS = 'input:not([type="hidden"]), select, textarea';

/** Focuses an element that is not focusable by itself (a heading, a card), without a Tab stop. */
export function focusElement(element: Element | null | undefined): void {
  if (!(element instanceof HTMLElement)) return;
  if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
  element.focus();
}

/** Focuses the page's main heading, if it has one yet. */
export function focusMainHeading(): boolean {
  const heading = document.querySelector('#main h1');
  focusElement(heading);
  return heading !== null;
}

/**
 * Focuses the first field of a form as it opens (on mount, or when `open` becomes true), and again
 * whenever `open` changes to another truthy value (a count of requests to return to the form).
 */
export function useFocusFirstField(
  form: RefObject<HTMLElement | null>,
  open: boolean | number = true,
): void {
  useEffect(() => {
    if (open) form.current?.querySelector<HTMLElement>(FIELDS)?.focus();
  }, [form, open]);
}

/**
 * After a submit that failed validation, focuses the first field marked `aria-invalid`, whose
 * `aria-describedby` names its error; call the returned function from the submit handler.
 */
export function useFocusFirstInvalid(form: RefObject<HTMLElement | null>): () => void {
  const [failures, setFailures] = useState(0);
  useEffect(() => {
    if (failures === 0) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [failures, form]);
  return useCallback(() => setFailures((n) => n + 1), []);
}

/**
 * After moving to another page (signing in, following a link), focuses its main heading once it
 * has loaded, so a screen reader announces where the user is and Tab starts from the content.
 * Not on the first page load, and not when the new page has already put focus inside <main>
 * (e.g. on a linked comment).
 */
export function useFocusHeadingOnNavigate(): void {
  const { pathname } = useLocation();
  const firstPath = useRef(pathname);
  const moved = useRef(false);

  useEffect(() => {
    if (pathname !== firstPath.current) moved.current = true;
    const main = document.getElementById('main');
    if (!moved.current || !main) return;
    const tryFocus = (): boolean => {
      // Focus the page has already placed inside <main> stays where it is.
      if (main.contains(document.activeElement) && document.activeElement !== main) {
        return main.querySelector('h1') !== null;
      }
      return focusMainHeading();
    };
    if (tryFocus()) return;
    // The heading comes with the page's data.
    const observer = new MutationObserver(() => {
      if (tryFocus()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    const giveUp = window.setTimeout(() => observer.disconnect(), 10_000);
    return () => {
      observer.disconnect();
      window.clearTimeout(giveUp);
    };
  }, [pathname]);
}
