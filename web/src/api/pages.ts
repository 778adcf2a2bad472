import { type QueryKey, useInfiniteQuery } from '@tanstack/react-query';

/**
 * Lists that page with keyset cursors (src/contract/cursor.ts): one page of rows and the opaque
 * cursor of the next, null on the last page.
 */
export interface ListPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** Reads one page: the first without a cursor, the next with the cursor the last page gave. */
export type PageReader<T> = (cursor: string | undefined) => Promise<ListPage<T>>;

/**
 * A list shown a page at a time: the pages read so far, flattened into `items`, and
 * `fetchNextPage` for the "Load more" button (components/LoadMore.tsx). Invalidating its key
 * refetches every page read so far, so a write still shows in place.
 */
export function usePagedList<T>(
  queryKey: QueryKey,
  readPage: PageReader<T>,
  options: { enabled?: boolean } = {},
) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => readPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: options.enabled ?? true,
  });
  return { ...query, items: query.data?.pages.flatMap((page) => page.items) };
}

/**
 * Every row of a list, following the cursors: for a reader that needs the whole list at once (a
 * picker, a count across it), not for a list on screen, which pages.
 */
export async function readAllPages<T>(readPage: PageReader<T>): Promise<T[]> {
  const rows: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await readPage(cursor);
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return rows;
}
