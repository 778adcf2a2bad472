import { useState } from 'react';
import './sort-header.css';

export interface SortState<K extends string> {
  key: K;
  descending: boolean;
}

/** Sorting of a table by one column; choosing the same column again reverses it. */
export function useSort<K extends string>(initial: SortState<K>) {
  const [sort, setSort] = useState(initial);
  const toggle = (key: K, descendingFirst: boolean) =>
    setSort((current) =>
      current.key === key ? { key, descending: !current.descending } : { key, descending: descendingFirst },
    );
  return [sort, toggle] as const;
}

/**
 * A column header that sorts its table: a button (so the keyboard reaches it) inside a header
 * that tells assistive technology the current order (`aria-sort`).
 */
export function SortHeader<K extends string>({
  label,
  sortKey,
  sort,
  onSort,
  numeric = false,
  title,
}: {
  label: string;
  sortKey: K;
  sort: SortState<K>;
  onSort: (key: K, descendingFirst: boolean) => void;
  /** Numbers sort largest first on the first press, and align right. */
  numeric?: boolean;
  /** A longer name for an abbreviated label. */
  title?: string;
}) {
  const active = sort.key === sortKey;
  const order = active ? (sort.descending ? 'descending' : 'ascending') : undefined;
  return (
    <th scope="col" aria-sort={order ?? 'none'} className={numeric ? 'num' : undefined}>
      <button type="button" className="sort-button" title={title} onClick={() => onSort(sortKey, numeric)}>
        {label}
        {title ? <span className="visually-hidden"> ({title})</span> : null}
        <span aria-hidden="true" className="sort-mark">
          {active ? (sort.descending ? '▼' : '▲') : '↕'}
        </span>
      </button>
    </th>
  );
}
