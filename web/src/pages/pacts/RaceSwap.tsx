import { type FormEvent, useId, useState } from 'react';
import { type PactView, useSwapRaces } from '../../api/pacts.ts';
import { BusyButton } from '../../components/BusyButton.tsx';
import { ErrorMessage } from '../../components/Status.tsx';
import type { AssignmentRow } from './assignment-rows.ts';

/**
 * Swap this race's member with another race's (staff): both races get locked that way and a new
 * version is stored with its figures checked from scratch. Only races of another member qualify.
 */
export function RaceSwap({
  pact,
  row,
  rows,
}: {
  pact: PactView;
  row: AssignmentRow;
  rows: readonly AssignmentRow[];
}) {
  const id = useId();
  const swap = useSwapRaces(pact.id);
  const partners = rows.filter(
    (r) => r.member && row.member && r.member.organizationId !== row.member.organizationId,
  );
  const [other, setOther] = useState('');
  const target = partners.some((r) => r.key === other) ? other : (partners[0]?.key ?? '');
  if (!row.member || partners.length === 0) return null;

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (target) swap.mutate([row.key, target]);
  };
  return (
    <form className="inline-form" onSubmit={handleSubmit}>
      <div className="field">
        <label htmlFor={id}>Swap members with</label>
        <select id={id} value={target} onChange={(e) => setOther(e.target.value)}>
          {partners.map((r) => (
            <option key={r.key} value={r.key}>
              {r.name} ({r.member?.name})
            </option>
          ))}
        </select>
      </div>
      <BusyButton type="submit" busy={swap.isPending} disabled={pact.stale}>
        Swap
      </BusyButton>
      {pact.stale ? <p className="muted">Rerun first: the rules changed since the latest version.</p> : null}
      {swap.isError ? <ErrorMessage error={swap.error} /> : null}
      {swap.isSuccess ? (
        <p role="status" className="ok-text">
          Swapped: version {swap.data.number} recorded.
        </p>
      ) : null}
    </form>
  );
}
