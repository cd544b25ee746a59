import { plural } from '../format';

interface ListPages {
  items: unknown[];
  nextCursor: string | null;
  loading: boolean;
  error: string | null;
  loadMore(): Promise<void>;
}

/** What the list holds (or the latest retry's news), announced politely, and any error. */
export function DeliveryListStatus(props: {
  pages: ListPages;
  message: string;
  error: string | null;
  noun: string;
}) {
  const { pages } = props;
  return (
    <>
      <p role="status" className="result-count">
        {props.message ||
          (pages.loading
            ? 'Loading…'
            : `${plural(pages.items.length, props.noun)} shown${pages.nextCursor ? ', more to load' : ''}`)}
      </p>
      {props.error && (
        <p className="error" role="alert">
          {props.error}
        </p>
      )}
    </>
  );
}

/** Below the list: what an empty list means, or the button for the next page. */
export function DeliveryListEnd(props: { pages: ListPages; empty: string; noun: string }) {
  const { pages } = props;
  return (
    <>
      {!pages.loading && !pages.error && pages.items.length === 0 && (
        <p className="empty">{props.empty}</p>
      )}
      {pages.nextCursor && (
        <button
          type="button"
          className="secondary"
          disabled={pages.loading}
          onClick={() => void pages.loadMore()}
        >
          Load more<span className="visually-hidden"> {props.noun}s</span>
        </button>
      )}
    </>
  );
}
