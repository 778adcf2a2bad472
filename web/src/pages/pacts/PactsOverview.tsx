import { Link } from 'react-router';
import { useLatestPacts } from '../../api/pacts.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { formatWins } from './format.ts';
import { PactStatusBadge } from './PactStatusBadge.tsx';

/**
 * The dashboard's view of the pacts: the newest few, each one's standing and latest figures (small:
 * it loads first), and a link to the pacts page when there are more.
 */
export function PactsOverview() {
  const latest = useLatestPacts(5);
  if (latest.isPending) return <Loading label="Loading pacts" />;
  if (latest.isError) return <ErrorMessage error={latest.error} />;
  if (latest.data.pacts.length === 0) return <p>No seat-sharing pact yet.</p>;
  return (
    <>
      <ul className="card-list">
        {latest.data.pacts.map((p) => (
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
      {latest.data.more ? (
        <p>
          <Link to="/pacts">Every pact</Link>
        </p>
      ) : null}
    </>
  );
}
