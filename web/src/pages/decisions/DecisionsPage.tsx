import { Link } from 'react-router';
import { type DecisionsFilter, useDecisions } from '../../api/decisions.ts';
import { useSession } from '../../api/session.ts';
import type { DecisionKind } from '../../api/types.ts';
import {
  closedLabel,
  decisionKindLabels,
  formatDateTime,
  methodLabels,
  phaseLabels,
  timeLeft,
} from '../../components/labels.ts';
import { isStaffRole } from '../../components/roles.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { DecisionStateBadge } from '../../components/StatusBadges.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useSearchFilters } from '../../components/useSearchFilters.ts';
import { EmptyState } from '../../ui/empty-state.tsx';

interface Filters {
  phase: NonNullable<DecisionsFilter['phase']> | '';
  kind: DecisionKind | '';
}

export function DecisionsPage() {
  const role = useSession().data?.role;
  const [{ phase, kind }, setFilters] = useSearchFilters<'phase' | 'kind', Filters>(['phase', 'kind']);
  usePageTitle('Decisions');
  const decisions = useDecisions({ ...(phase ? { phase } : {}), ...(kind ? { kind } : {}) });

  return (
    <section aria-labelledby="decisions-title">
      <div className="page-head">
        <h1 id="decisions-title">Decisions</h1>
        {role && isStaffRole(role) ? (
          <Link className="button" to="/decisions/new">
            New decision
          </Link>
        ) : null}
      </div>
      <form className="filters" aria-label="Filter decisions" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label="Phase"
          value={phase}
          labels={phaseLabels}
          anyLabel="Any phase"
          onChange={(value) => setFilters({ phase: value })}
        />
        <SelectField
          label="Kind"
          value={kind}
          labels={decisionKindLabels}
          anyLabel="Any kind"
          onChange={(value) => setFilters({ kind: value })}
        />
      </form>
      {decisions.isPending ? <Loading label="Loading decisions" /> : null}
      {decisions.isError ? <ErrorMessage error={decisions.error} /> : null}
      {decisions.data?.length === 0 ? (
        <EmptyState title="No decisions match">
          <p>Try another status or kind, or put a new decision to the vote.</p>
        </EmptyState>
      ) : null}
      {decisions.data && decisions.data.length > 0 ? (
        <ul className="member-cards">
          {decisions.data.map((d) => (
            <li key={d.id}>
              <h2>
                <Link to={`/decisions/${d.id}`}>{d.title}</Link>
              </h2>
              <p className="meta">
                <DecisionStateBadge decision={d} /> {decisionKindLabels[d.kind]} · {methodLabels[d.method]}
                {d.secret ? ' · Secret ballot' : ''}
                {d.subjectOrganization ? ` · About ${d.subjectOrganization.name}` : ''}
              </p>
              <p className="muted">
                {d.phase === 'closed' ? closedLabel(d) : null}
                {d.phase === 'open' ? `${timeLeft(d.closesAt)} (closes ${formatDateTime(d.closesAt)})` : null}
                {d.phase === 'scheduled' ? `Opens ${formatDateTime(d.opensAt)}` : null} ·{' '}
                {d.participation.voted} of {d.participation.eligible} voted
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
