import { Link, useParams } from 'react-router';
import { useSession } from '../../api/session.ts';
import {
  useAddLine,
  useCandidate,
  useCandidateHistory,
  useEndorse,
  useOpenDispute,
  useResolveDispute,
  useTransition,
} from '../../api/tickets.ts';
import { BusyButton } from '../../components/BusyButton.tsx';
import { formatDateTime } from '../../components/labels.ts';
import { isStaffRole } from '../../components/roles.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { CandidateLoadError } from './CandidateLoadError.tsx';
import { displayLabels, lineKindLabels, statusLabels } from './labels.ts';
import { RuleChecks } from './RuleChecks.tsx';
import './tickets.css';

/** One candidate: race, lines, rule checks, and the next steps the viewer may take. */
export function CandidatePage() {
  const { id = '' } = useParams();
  const candidate = useCandidate(id);
  const history = useCandidateHistory(id);
  const session = useSession().data;
  const endorse = useEndorse(id);
  const transition = useTransition(id);
  const addLine = useAddLine(id);
  const dispute = useOpenDispute(id);
  const resolve = useResolveDispute(id);
  usePageTitle(candidate.data?.name ?? 'Candidate');
  if (candidate.isPending) return <Loading label="Loading the candidate" />;
  if (candidate.isError) return <CandidateLoadError error={candidate.error} />;
  const c = candidate.data;
  const staff = session ? isStaffRole(session.role) : false;
  const own = session?.organizationId === c.organizationId;
  const mine = session?.organizationId
    ? c.lines.some((l) => l.organizationId === session.organizationId)
    : true;
  const error = [endorse, transition, addLine, dispute, resolve].find((m) => m.isError)?.error;
  return (
    <section aria-labelledby="candidate-title">
      <p>
        <Link to="/candidates">All candidates</Link>
      </p>
      <h1 id="candidate-title">{c.name}</h1>
      <p className="meta">
        <span className="badge">{statusLabels[c.status]}</span>{' '}
        {c.statusReason ? `(${c.statusReason.replaceAll('_', ' ')}) ` : ''}
        {c.race.name} · {c.race.electionName}, {c.race.electionDate}
        {c.race.filingDeadline ? ` · filing by ${c.race.filingDeadline}` : ''} · proposed by {c.memberName}
      </p>
      <h2>Lines</h2>
      <ul>
        {c.lines.map((l) => (
          <li key={l.id}>
            {l.label} — {lineKindLabels[l.kind]}
            {l.memberName && l.memberName !== l.label ? ` (${l.memberName})` : ''}
          </li>
        ))}
      </ul>
      <p>On the ballot: {displayLabels[c.check.fusion.display]}.</p>
      <h2>Rule checks</h2>
      <RuleChecks check={c.check} />
      {error ? <ErrorMessage error={error} /> : null}
      <div className="slate-actions">
        {staff && c.status === 'proposed' ? (
          <BusyButton busy={endorse.isPending} className="primary" onClick={() => endorse.mutate(undefined)}>
            {c.endorsementDecisionId ? 'Endorse (after the decision)' : 'Endorse'}
          </BusyButton>
        ) : null}
        {(staff || own) && c.status === 'endorsed' ? (
          <BusyButton busy={transition.isPending} onClick={() => transition.mutate({ action: 'file' })}>
            Mark as filed
          </BusyButton>
        ) : null}
        {staff && c.status === 'filed' ? (
          <BusyButton busy={transition.isPending} onClick={() => transition.mutate({ action: 'certify' })}>
            On the ballot
          </BusyButton>
        ) : null}
        {(staff || own) && ['proposed', 'endorsed', 'filed', 'on_ballot'].includes(c.status) ? (
          <BusyButton
            busy={transition.isPending}
            onClick={() => transition.mutate({ action: 'reject', reason: 'withdrawn' })}
          >
            Withdraw
          </BusyButton>
        ) : null}
        {!staff && session?.organizationId && !mine ? (
          <BusyButton
            busy={addLine.isPending}
            onClick={() =>
              addLine.mutate({ kind: 'endorsement', candidateIsMember: true, wilsonPakula: false })
            }
          >
            Endorse as my member
          </BusyButton>
        ) : null}
        {staff && c.dissident.length > 0 && !c.dispute.decisionId ? (
          <BusyButton busy={dispute.isPending} onClick={() => dispute.mutate(undefined)}>
            Open a dispute
          </BusyButton>
        ) : null}
        {staff && c.dispute.decisionId && !c.dispute.outcome ? (
          <>
            <Link to={`/decisions/${c.dispute.decisionId}`}>The dispute decision</Link>
            <BusyButton busy={resolve.isPending} onClick={() => resolve.mutate(undefined)}>
              Carry out the decided remedy
            </BusyButton>
          </>
        ) : null}
      </div>
      {c.dispute.outcome ? <p>Dispute settled: {c.dispute.outcome.replaceAll('_', ' ')}.</p> : null}
      <h2>History</h2>
      {history.isError ? <ErrorMessage error={history.error} /> : null}
      <ol className="candidate-history">
        {history.data?.map((e) => (
          <li key={e.seq}>
            <time dateTime={e.at}>{formatDateTime(e.at)}</time>{' '}
            {e.action.replace('candidate.', '').replaceAll('_', ' ')}
            {e.message ? `: ${e.message}` : ''}
          </li>
        ))}
      </ol>
    </section>
  );
}
