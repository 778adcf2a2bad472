import { Link, useParams } from 'react-router';
import { useDecision } from '../../api/decisions.ts';
import { useSession } from '../../api/session.ts';
import { decisionKindLabels, formatDateTime } from '../../components/labels.ts';
import { PlainText } from '../../components/PlainText.tsx';
import { PlankList } from '../../components/PlankList.tsx';
import { isStaffRole } from '../../components/roles.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { DecisionStateBadge } from '../../components/StatusBadges.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { BallotPanel } from './BallotPanel.tsx';
import { CloseDecision } from './CloseDecision.tsx';
import { ResultsPanel } from './ResultsPanel.tsx';
import { RulesSummary } from './RulesSummary.tsx';

export function DecisionPage() {
  const { id = '' } = useParams();
  const session = useSession().data;
  const decision = useDecision(id);
  usePageTitle(decision.data?.title);
  if (decision.isPending) return <Loading label="Loading the decision" />;
  if (decision.isError) return <ErrorMessage error={decision.error} />;
  const d = decision.data;
  const onRoll = d.roll.eligible.some((e) => e.organizationId === session?.organizationId);
  const recused = d.roll.recused.find((r) => r.organizationId === session?.organizationId);
  const delegate = session?.role === 'delegate';
  const canVote = delegate && onRoll && d.phase === 'open';

  return (
    <article aria-labelledby="decision-title">
      <p>
        <Link to="/decisions">← All decisions</Link>
      </p>
      <h1 id="decision-title">{d.title}</h1>
      <p className="meta">
        <DecisionStateBadge decision={d} /> {decisionKindLabels[d.kind]}
        {d.subjectOrganization ? (
          <>
            {' '}
            about <Link to={`/members/${d.subjectOrganization.id}`}>{d.subjectOrganization.name}</Link>
          </>
        ) : null}
        {d.secret ? ' · Secret ballot' : ' · Open ballot'}
      </p>
      {d.body ? <PlainText className="prose" text={d.body} /> : null}
      {d.grounds ? (
        <p>
          <strong>Grounds:</strong> {d.grounds}
        </p>
      ) : null}
      {d.proposal ? (
        <section aria-labelledby="proposal-title">
          <h2 id="proposal-title">Proposed charter</h2>
          <PlankList planks={d.proposal.planks} />
        </section>
      ) : null}
      <div className="detail-grid">
        <RulesSummary decision={d} />
        {canVote && session?.organizationId ? (
          <BallotPanel decision={d} organizationId={session.organizationId} />
        ) : null}
        {delegate && d.phase === 'scheduled' ? (
          <p className="panel">Voting opens {formatDateTime(d.opensAt)}.</p>
        ) : null}
        {delegate && d.phase !== 'closed' && !onRoll ? (
          <p className="panel">
            Your organization does not vote on this decision{recused ? ` (${recused.reason})` : ''}.
          </p>
        ) : null}
        {d.phase !== 'closed' && session && isStaffRole(session.role) ? <CloseDecision decision={d} /> : null}
      </div>
      {d.result ? <ResultsPanel decision={d} result={d.result} /> : null}
    </article>
  );
}
