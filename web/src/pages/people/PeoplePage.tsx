import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { supportersContract } from '../../../../src/features/supporters/supporters.contract.ts';
import { usePeopleSearch } from '../../api/people.ts';
import { useSession } from '../../api/session.ts';
import { isStaffRole } from '../../components/roles.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useFilterForm } from '../../forms/use-filter-form.ts';
import { TextField } from '../../ui/fields.tsx';
import { SupporterAggregatesPage } from './SupporterAggregatesPage.tsx';

const rowHeight = 40;
/** The search box's length limit comes from the list endpoint's query schema. */
const searchSchema = supportersContract.people.query.pick({ q: true });

/** Your member's people, searchable, in a virtualized list (only the visible rows are in the page). */
export function PeoplePage() {
  const session = useSession().data;
  if (session && isStaffRole(session.role)) return <SupporterAggregatesPage />;
  return <PeopleList />;
}

function PeopleList() {
  usePageTitle('People');
  const [q, setQ] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(q.trim()), 250);
    return () => clearTimeout(timer);
  }, [q]);
  const search = usePeopleSearch(debounced);
  const form = useFilterForm(searchSchema, { q: q || undefined }, (patch) => setQ(patch.q ?? ''));
  const rows = search.data?.pages.flatMap((p) => p.people) ?? [];
  const total = search.data?.pages[0]?.total ?? 0;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: search.hasNextPage ? rows.length + 1 : rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const last = items.at(-1);
  useEffect(() => {
    if (last && last.index >= rows.length - 1 && search.hasNextPage && !search.isFetchingNextPage)
      void search.fetchNextPage();
  }, [last, rows.length, search]);

  return (
    <section aria-labelledby="people-title">
      <h1 id="people-title">People</h1>
      <p>
        <Link to="/people/import">Import a file</Link> · <Link to="/people/duplicates">Duplicates</Link> ·{' '}
        <Link to="/people/overlaps">Shared supporters</Link> · <Link to="/people/segments">Segments</Link> ·{' '}
        <Link to="/people/pipeline">Pipeline</Link>
      </p>
      <form className="filters" aria-label="Search people" onSubmit={(e) => e.preventDefault()}>
        <TextField form={form} name="q" label="Search: part of a name, or a whole email or phone number" />
      </form>
      {search.isPending ? <Loading label="Loading people" /> : null}
      {search.isError ? <ErrorMessage error={search.error} /> : null}
      {search.data ? (
        <p role="status">
          {total >= 1_000
            ? 'More than 1,000 people (counting stops there)'
            : `${total} ${total === 1 ? 'person' : 'people'}`}
        </p>
      ) : null}
      <div ref={scroller} className="people-scroll" style={{ height: '60vh', overflow: 'auto' }}>
        <ul
          aria-label="People"
          style={{
            height: virtualizer.getTotalSize(),
            position: 'relative',
            margin: 0,
            padding: 0,
            listStyle: 'none',
          }}
        >
          {items.map((item) => {
            const person = rows[item.index];
            return (
              <li
                key={item.key}
                // Measured, not fixed: on a phone a row's name, e-mail, city and tags wrap to two or
                // three lines, and fixed-height rows drew over each other.
                ref={virtualizer.measureElement}
                data-index={item.index}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  minHeight: rowHeight,
                  padding: '0.25rem 0',
                  boxSizing: 'border-box',
                  transform: `translateY(${item.start}px)`,
                }}
              >
                {person ? (
                  <Link to={`/people/${person.id}`}>
                    {person.lastName}, {person.firstName}
                  </Link>
                ) : (
                  'Loading more…'
                )}
                {person ? (
                  <span className="muted">
                    {' '}
                    {/* Separated, so a city and a tag do not read as one ("Flint housing"). */}
                    {[person.email, person.city, person.tags.join(', ')].filter(Boolean).join(' · ')}
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
