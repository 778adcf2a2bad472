import { Link } from 'react-router';
import { decisionsContract } from '../../../../src/features/decisions/decisions.contract.ts';
import { type DecisionsFilter, useDecisionPages } from '../../api/decisions.ts';
import { useSession } from '../../api/session.ts';
import type { DecisionKind } from '../../api/types.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import {
  closedLabel,
  decisionKindLabels,
  formatDateTime,
  methodLabels,
  phaseLabels,
  timeLeft,
} from '../../components/labels.ts';
import { isStaffRole } from '../../components/roles.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { DecisionStateBadge } from '../../components/StatusBadges.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useSearchFilters } from '../../components/useSearchFilters.ts';
import { useFilterForm } from '../../forms/use-filter-form.ts';
import { EmptyState } from '../../ui/empty-state.tsx';
import { SelectField } from '../../ui/fields.tsx';

interface Filters {
  phase: NonNullable<DecisionsFilter['phase']> | '';
  kind: DecisionKind | '';
}

/** The list endpoint's filters: the selects take their options from them. */
const filterSchema = decisionsContract.list.query.pick({ phase: true, kind: true });

export function DecisionsPage() {
  const role = useSession().data?.role;
  const [{ phase, kind }, setFilters] = useSearchFilters<'phase' | 'kind', Filters>(['phase', 'kind']);
  usePageTitle('Decisions');
  const decisions = useDecisionPages({ ...(phase ? { phase } : {}), ...(kind ? { kind } : {}) });
  const filters = useFilterForm(
    filterSchema,
    { phase: phase || undefined, kind: kind || undefined },
    (patch) => setFilters(patch),
  );

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
        <SelectField form={filters} name="phase" label="Phase" labels={phaseLabels} placeholder="Any phase" />
        <SelectField
          form={filters}
          name="kind"
          label="Kind"
          labels={decisionKindLabels}
          placeholder="Any kind"
        />
      </form>
      {decisions.isPending ? <Loading label="Loading decisions" /> : null}
      {decisions.isError ? <ErrorMessage error={decisions.error} /> : null}
      {decisions.items?.length === 0 ? (
        <EmptyState title="No decisions match">
          <p>Try another status or kind, or put a new decision to the vote.</p>
        </EmptyState>
      ) : null}
      {decisions.items && decisions.items.length > 0 ? (
        <ul className="member-cards">
          {decisions.items.map((d) => (
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
      {decisions.items ? (
        <LoadMore pages={decisions} shown={decisions.items.length} noun="decisions" />
      ) : null}
    </section>
  );
}
