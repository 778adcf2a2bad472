import { Link } from 'react-router';
import { usePacts } from '../../api/pacts.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { formatWins } from './format.ts';
import { PactStatusBadge } from './PactStatusBadge.tsx';

/** The dashboard's view of the pacts: each one's standing and latest figures (small: it loads first). */
export function PactsOverview() {
  const pacts = usePacts();
  if (pacts.isPending) return <Loading label="Loading pacts" />;
  if (pacts.isError) return <ErrorMessage error={pacts.error} />;
  if (pacts.data.length === 0) return <p>No seat-sharing pact yet.</p>;
  return (
    <ul className="card-list">
      {pacts.data.map((p) => (
        <li key={p.id}>
          <Link to={`/pacts/${p.id}`}>{p.name}</Link> <PactStatusBadge status={p.status} />
          <div className="muted">
            {p.latestVersion
              ? `Version ${p.latestVersion.number}: ${formatWins(p.latestVersion.expectedWins)} expected wins, ${formatWins(p.latestVersion.noPactWins)} without a pact`
              : 'Not run yet'}
          </div>
        </li>
      ))}
    </ul>
  );
}
