import { useState } from 'react';
import { type PersonView, useDuplicates, useMerge, useMerges, useUndoMerge } from '../../api/people.ts';
import { BusyButton } from '../../components/BusyButton.tsx';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';

const describe = (p: PersonView) =>
  `${p.firstName} ${p.lastName} ${p.emails.join(', ')} ${p.phones.join(', ')}`.trim();

/** Duplicates review: merge a pair (keeping the first's fields unless you take the second's), and undo. */
export function DuplicatesPage() {
  usePageTitle('Duplicates');
  const duplicates = useDuplicates();
  const merges = useMerges();
  const merge = useMerge();
  const undo = useUndoMerge();
  const [takeName, setTakeName] = useState<Record<string, boolean>>({});

  return (
    <section aria-labelledby="duplicates-title">
      <h1 id="duplicates-title">Duplicates</h1>
      {duplicates.isPending ? <Loading label="Looking for duplicates" /> : null}
      {duplicates.isError ? <ErrorMessage error={duplicates.error} /> : null}
      {merge.isError ? <ErrorMessage error={merge.error} /> : null}
      {undo.isError ? <ErrorMessage error={undo.error} /> : null}
      {duplicates.data?.candidates.length === 0 ? <p>No likely duplicates.</p> : null}
      <ul className="card-list" aria-label="Likely duplicates">
        {duplicates.data?.candidates.map((c) => {
          const key = `${c.a.id}:${c.b.id}`;
          return (
            <li key={key}>
              <p>
                Same {c.reason === 'name_address' ? 'name and address' : c.reason}:{' '}
                <strong>{describe(c.a)}</strong> and <strong>{describe(c.b)}</strong>
              </p>
              <label>
                <input
                  type="checkbox"
                  checked={!!takeName[key]}
                  onChange={(e) => setTakeName({ ...takeName, [key]: e.target.checked })}
                />{' '}
                Keep the name "{c.b.firstName} {c.b.lastName}"
              </label>{' '}
              <BusyButton
                busy={merge.isPending}
                onClick={() =>
                  merge.mutate({
                    survivorId: c.a.id,
                    mergedId: c.b.id,
                    choices: takeName[key] ? { name: 'merged' } : {},
                  })
                }
              >
                Merge {c.b.firstName} into {c.a.firstName}
              </BusyButton>
            </li>
          );
        })}
      </ul>
      <h2>Merges you can undo</h2>
      {merges.data?.merges.length === 0 ? <p>None.</p> : null}
      <ul aria-label="Merges">
        {merges.data?.merges.map((m) => (
          <li key={m.id}>
            Merged {new Date(m.mergedAt).toLocaleString()}{' '}
            <BusyButton busy={undo.isPending} onClick={() => undo.mutate(m.id)}>
              Undo this merge
            </BusyButton>
          </li>
        ))}
      </ul>
    </section>
  );
}
