import { type FormEvent, useState } from 'react';
import { usePeopleSearch } from '../../api/people.ts';
import { useAddCirculator } from '../../api/petitions.ts';
import { ErrorMessage } from '../../components/Status.tsx';

/**
 * Adds a circulator to a drive: a delegate or organizer of the drive's member picks one of its own
 * people (the supporters feature answers only with them), or types a plain name when the member
 * keeps no supporters here. Staff see people as aggregates only, so they type names.
 */
export function AddCirculator({ driveId, pickPeople }: { driveId: string; pickPeople: boolean }) {
  const [name, setName] = useState('');
  const add = useAddCirculator(driveId);
  const submitName = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) add.mutate({ name: name.trim() }, { onSuccess: () => setName('') });
  };
  return (
    <section aria-labelledby="add-circulator-title" className="stack">
      <h3 id="add-circulator-title">Add a circulator</h3>
      {pickPeople ? <PeoplePicker onPick={(personId) => add.mutate({ personId })} /> : null}
      <form onSubmit={submitName} aria-label="Add a circulator by name">
        <label htmlFor="circulator-name">{pickPeople ? 'Or by name' : 'Name'}</label>
        <input id="circulator-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
        <button type="submit" className="secondary small" disabled={add.isPending || !name.trim()}>
          Add
        </button>
      </form>
      {add.isError ? <ErrorMessage error={add.error} /> : null}
    </section>
  );
}

/** The member's own people matching a search; only mounted for those who hold them. */
function PeoplePicker({ onPick }: { onPick: (personId: string) => void }) {
  const [q, setQ] = useState('');
  const people = usePeopleSearch(q);
  const found = people.data?.pages[0]?.people ?? [];
  return (
    <div>
      <label htmlFor="circulator-person-search">From your people</label>
      <input
        id="circulator-person-search"
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder="Name, e-mail or city"
      />
      {people.isError ? <ErrorMessage error={people.error} /> : null}
      {q && found.length > 0 ? (
        <ul className="plain">
          {found.slice(0, 8).map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className="secondary small"
                onClick={() => {
                  onPick(p.id);
                  setQ('');
                }}
              >
                Add {`${p.firstName} ${p.lastName}`.trim() || p.email || 'this person'}
              </button>
            </li>
          ))}
        </ul>
      ) : q && people.data ? (
        <p className="muted small">None of your people match; add the circulator by name.</p>
      ) : null}
    </div>
  );
}
