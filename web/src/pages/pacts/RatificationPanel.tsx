import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { type PactView, useSendToRatification } from '../../api/pacts.ts';
import { formatDateTime, phaseLabels } from '../../components/labels.ts';
import { ErrorMessage } from '../../components/Status.tsx';
import { TextField } from '../../components/TextField.tsx';
import { VersionSelect } from './VersionSelect.tsx';

function Standing({ pact }: { pact: PactView }) {
  const r = pact.ratification;
  if (pact.status === 'ratified') {
    return (
      <p>
        Ratified at version {pact.ratifiedVersion}: the pact is frozen and reads only.
        {r ? (
          <>
            {' '}
            <Link to={`/decisions/${r.decisionId}`}>See the decision</Link>.
          </>
        ) : null}
      </p>
    );
  }
  if (!r) return <p className="muted">No version has been sent to ratification yet.</p>;
  return (
    <p>
      Version {r.version}{' '}
      {pact.status === 'in_ratification' ? 'is before the members' : 'was put to the members'}:{' '}
      <Link to={`/decisions/${r.decisionId}`}>{r.title}</Link> ({phaseLabels[r.phase]}
      {r.outcome ? `, ${r.outcome.replace('_', ' ')}` : `, closes ${formatDateTime(r.closesAt)}`}).
      {pact.status === 'in_ratification' ? ' Edits and runs wait until it closes.' : ''}
    </p>
  );
}

/** Where the pact stands with the members; staff send a version of a draft to a ratification vote. */
export function RatificationPanel({ pact, canEdit }: { pact: PactView; canEdit: boolean }) {
  const send = useSendToRatification(pact.id);
  const latest = pact.versions.at(-1)?.number;
  // A pick holds only while the latest version is the one it was made against: a new version
  // becomes the one offered, without a reload.
  const [pick, setPick] = useState<{ version: number; latest: number | undefined } | null>(null);
  const [closesAt, setClosesAt] = useState('');
  const chosen =
    pick && pick.latest === latest && pact.versions.some((v) => v.number === pick.version)
      ? pick.version
      : (latest ?? 0);
  const setVersion = (version: number) => setPick({ version, latest });

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate({ version: chosen, ...(closesAt ? { closesAt: new Date(closesAt).toISOString() } : {}) });
  };

  return (
    <section aria-labelledby="ratification-title" className="panel">
      <h2 id="ratification-title">Ratification</h2>
      <Standing pact={pact} />
      {canEdit && latest !== undefined ? (
        <form className="grid-form" onSubmit={handleSubmit}>
          <VersionSelect
            label="Version to ratify"
            versions={pact.versions}
            value={chosen}
            onChange={setVersion}
            describe={(v) => `${v.expectedWins.toFixed(2)} expected wins`}
          />
          <TextField
            label="Vote closes at (default: the coalition's window)"
            type="datetime-local"
            value={closesAt}
            onChange={setClosesAt}
          />
          <div>
            <button type="submit" disabled={send.isPending}>
              Send version {chosen} to ratification
            </button>
          </div>
        </form>
      ) : null}
      {send.isError ? <ErrorMessage error={send.error} /> : null}
      {send.isSuccess ? (
        <p role="status" className="ok-text">
          Sent: <Link to={`/decisions/${send.data.decisionId}`}>the ratification decision</Link> is open.
        </p>
      ) : null}
    </section>
  );
}
