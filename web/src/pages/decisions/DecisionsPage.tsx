import { Link, useSearchParams } from 'react-router';
import { type DecisionsFilter, useDecisions } from '../../api/decisions.ts';
import { useSession } from '../../api/session.ts';
import type { DecisionKind } from '../../api/types.ts';
import {
  decisionKindLabels,
  decisionKinds,
  formatDateTime,
  methodLabels,
  phaseLabels,
  timeLeft,
} from '../../components/labels.ts';
import { isStaffRole } from '../../components/roles.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { DecisionStateBadge } from '../../components/StatusBadges.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';

const phases = Object.keys(phaseLabels) as NonNullable<DecisionsFilter['phase']>[];

export function DecisionsPage() {
  const role = useSession().data?.role;
  const [params, setParams] = useSearchParams();
  usePageTitle('Decisions');
  const phase = (params.get('phase') ?? '') as DecisionsFilter['phase'] | '';
  const kind = (params.get('kind') ?? '') as DecisionKind | '';
  const decisions = useDecisions({ ...(phase ? { phase } : {}), ...(kind ? { kind } : {}) });

  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

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
        <div className="field">
          <label htmlFor="decision-phase">Phase</label>
          <select id="decision-phase" value={phase} onChange={(e) => setFilter('phase', e.target.value)}>
            <option value="">Any phase</option>
            {phases.map((p) => (
              <option key={p} value={p}>
                {phaseLabels[p]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="decision-kind">Kind</label>
          <select id="decision-kind" value={kind} onChange={(e) => setFilter('kind', e.target.value)}>
            <option value="">Any kind</option>
            {decisionKinds.map((k) => (
              <option key={k} value={k}>
                {decisionKindLabels[k]}
              </option>
            ))}
          </select>
        </div>
      </form>
      {decisions.isPending ? <Loading label="Loading decisions" /> : null}
      {decisions.isError ? <ErrorMessage error={decisions.error} /> : null}
      {decisions.data?.length === 0 ? <p>No decisions match.</p> : null}
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
                {d.phase === 'closed' ? `Closed; window ended ${formatDateTime(d.closesAt)}` : null}
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
