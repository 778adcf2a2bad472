import { Link } from 'react-router';
import { usePactPages } from '../../api/pacts.ts';
import { useSession } from '../../api/session.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { formatDateTime } from '../../components/labels.ts';
import { isStaffRole } from '../../components/roles.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { EmptyState } from '../../ui/empty-state.tsx';
import { formatWins } from './format.ts';
import { PactStatusBadge } from './PactStatusBadge.tsx';
import './pacts.css';

/** The coalition's seat-sharing pacts, newest first, 20 at a time; staff start a new one. */
export function PactsPage() {
  const role = useSession().data?.role;
  const pacts = usePactPages();
  usePageTitle('Pacts');
  return (
    <section aria-labelledby="pacts-title">
      <div className="page-head">
        <h1 id="pacts-title">Seat-sharing pacts</h1>
        {role && isStaffRole(role) ? (
          <Link className="button" to="/pacts/new">
            New pact
          </Link>
        ) : null}
      </div>
      {pacts.isPending ? <Loading label="Loading pacts" /> : null}
      {pacts.isError ? <ErrorMessage error={pacts.error} /> : null}
      {pacts.items?.length === 0 ? (
        <EmptyState
          title="No pact yet."
          action={
            role && isStaffRole(role) ? (
              <Link className="button" to="/pacts/new">
                Start the first pact
              </Link>
            ) : null
          }
        >
          <p>A pact shares an election's races or a state's counties out among the members.</p>
        </EmptyState>
      ) : null}
      {pacts.items && pacts.items.length > 0 ? (
        <ul className="member-cards">
          {pacts.items.map((p) => (
            <li key={p.id}>
              <h2>
                <Link to={`/pacts/${p.id}`}>{p.name}</Link>
              </h2>
              <p className="meta">
                <PactStatusBadge status={p.status} /> {p.raceCount} {p.kind === 'zones' ? 'zones' : 'races'} ·{' '}
                {p.members.map((m) => m.name).join(', ')}
              </p>
              <p className="muted">
                {p.latestVersion
                  ? `Version ${p.latestVersion.number}: ${formatWins(p.latestVersion.expectedWins)} expected wins (${formatWins(p.latestVersion.noPactWins)} without a pact)`
                  : 'Not run yet'}{' '}
                · updated {formatDateTime(p.updatedAt)}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      {pacts.items ? <LoadMore pages={pacts} shown={pacts.items.length} noun="pacts" /> : null}
    </section>
  );
}
