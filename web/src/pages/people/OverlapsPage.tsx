import { useState } from 'react';
import { useOrganizations } from '../../api/organizations.ts';
import { useOverlapAction, useOverlaps } from '../../api/people.ts';
import { useSession } from '../../api/session.ts';
import { BusyButton } from '../../components/BusyButton.tsx';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';

/** How many supporters two members share, counted without either learning who (docs/supporters.md). */
export function OverlapsPage() {
  usePageTitle('Shared supporters');
  const session = useSession().data;
  const runs = useOverlaps();
  const action = useOverlapAction();
  const organizations = useOrganizations({});
  const [partner, setPartner] = useState('');
  const others = (organizations.data ?? []).filter((o) => o.id !== session?.organizationId);
  return (
    <section aria-labelledby="overlaps-title">
      <h1 id="overlaps-title">Shared supporters</h1>
      <p>
        Ask another member how many supporters you share. They must agree; each side's list is blinded so
        nobody learns who; counts under 10 show as "&lt;10". Every run is in the audit log, without the count.
      </p>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          if (partner) action.mutate({ kind: 'request', partnerId: partner });
        }}
      >
        <label>
          Member{' '}
          <select value={partner} onChange={(e) => setPartner(e.target.value)}>
            <option value="">Choose a member</option>
            {others.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="submit">Ask for a count</button>
      </form>
      {action.isError ? <ErrorMessage error={action.error} /> : null}
      {runs.isPending ? <Loading label="Loading runs" /> : null}
      {runs.isError ? <ErrorMessage error={runs.error} /> : null}
      <ul className="card-list" aria-label="Overlap runs">
        {runs.data?.runs.map((r) => (
          <li key={r.id}>
            {r.requester.name} ↔ {r.partner.name}: {r.status}
            {r.sharedCount !== null ? `, ${r.sharedCount} shared` : ''}
            {r.awaitingYou ? (
              <>
                {' '}
                <BusyButton
                  busy={action.isPending}
                  onClick={() => action.mutate({ kind: 'approve', id: r.id })}
                >
                  Approve and count
                </BusyButton>{' '}
                <BusyButton
                  busy={action.isPending}
                  onClick={() => action.mutate({ kind: 'decline', id: r.id })}
                >
                  Decline
                </BusyButton>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
