import { BusyButton } from './BusyButton.tsx';

interface Pages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/**
 * The "Load more" button under a list that pages (api/pages.ts `usePagedList`): shown while there
 * is a next page; the count of rows shown so far is announced when a page arrives.
 */
export function LoadMore({ pages, shown, noun }: { pages: Pages; shown: number; noun: string }) {
  return (
    <div className="load-more">
      <p className="muted" role="status" aria-live="polite">
        {pages.hasNextPage ? `Showing the first ${shown} ${noun}.` : null}
      </p>
      {pages.hasNextPage ? (
        <BusyButton busy={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
          {pages.isFetchingNextPage ? 'Loading more…' : 'Load more'}
        </BusyButton>
      ) : null}
    </div>
  );
}
