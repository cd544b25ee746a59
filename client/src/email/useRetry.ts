import { useEffect, useRef, useState } from 'react';
import { errorMessage } from './useDeliveryPages';

/**
 * Retries one row of a list of failed deliveries: it leaves the list, a polite message says so, and
 * focus moves to the next row's Retry button (or the previous one, or the section's heading) rather
 * than falling back to the top of the page with the button that went away.
 */
export function useRetry<T>(items: T[], keyOf: (item: T) => string, remove: (key: string) => void) {
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const heading = useRef<HTMLHeadingElement>(null);
  const focusNext = useRef<string | 'heading' | null>(null);

  useEffect(() => {
    const target = focusNext.current;
    if (target === null) return;
    focusNext.current = null;
    (target === 'heading' ? heading.current : buttons.current.get(target))?.focus();
  }, [items]);

  async function retry(item: T, send: () => Promise<unknown>, done: string) {
    const key = keyOf(item);
    setBusy(key);
    setError(null);
    setMessage('');
    try {
      await send();
      const index = items.findIndex((i) => keyOf(i) === key);
      const neighbour = items[index + 1] ?? items[index - 1];
      focusNext.current = neighbour ? keyOf(neighbour) : 'heading';
      remove(key);
      setMessage(done);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }

  const buttonRef = (key: string) => (element: HTMLButtonElement | null) => {
    if (element) buttons.current.set(key, element);
    else buttons.current.delete(key);
  };

  return { busy, message, error, retry, buttonRef, heading };
}
