import { useEffect, useState } from 'react';

/**
 * A long list a page at a time (the 577 French constituencies): the page goes back to the first
 * when the list changes (a new sort or search), so nobody lands on an empty page 6.
 */
export function usePaged<T>(rows: readonly T[], size: number) {
  const [page, setPage] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new list (sort, search) starts over.
  useEffect(() => setPage(0), [rows]);
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const current = Math.min(page, pages - 1);
  return {
    rows: rows.slice(current * size, (current + 1) * size),
    page: current,
    pages,
    first: rows.length === 0 ? 0 : current * size + 1,
    last: Math.min(rows.length, (current + 1) * size),
    total: rows.length,
    setPage,
  };
}

export function Pager({
  label,
  paged,
}: {
  label: string;
  paged: Pick<ReturnType<typeof usePaged>, 'page' | 'pages' | 'first' | 'last' | 'total' | 'setPage'>;
}) {
  if (paged.pages <= 1) return null;
  return (
    <nav className="pager" aria-label={label}>
      <button
        type="button"
        className="secondary small"
        disabled={paged.page === 0}
        onClick={() => paged.setPage(paged.page - 1)}
      >
        Previous
      </button>
      <span role="status" aria-live="polite">
        {paged.first}–{paged.last} of {paged.total}
      </span>
      <button
        type="button"
        className="secondary small"
        disabled={paged.page >= paged.pages - 1}
        onClick={() => paged.setPage(paged.page + 1)}
      >
        Next
      </button>
    </nav>
  );
}
