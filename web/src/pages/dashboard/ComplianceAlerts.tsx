import { Link } from 'react-router';
import { useAlerts } from '../../api/tickets.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';

/** Dissident candidacies: a member's candidate in a race a ratified pact gave to another member. */
export function ComplianceAlerts() {
  const alerts = useAlerts();
  if (alerts.isPending) return <Loading label="Checking candidacies against the pacts" />;
  if (alerts.isError) return <ErrorMessage error={alerts.error} />;
  if (alerts.data.length === 0) return <p className="muted">No candidacy breaks a ratified pact.</p>;
  return (
    <ul className="card-list">
      {alerts.data.map((alert) => (
        <li key={alert.candidateId}>
          <Link to={`/candidates/${alert.candidateId}`}>{alert.candidateName}</Link> ({alert.dissidentMember})
          runs in {alert.raceName}, which a ratified pact gave to{' '}
          {alert.dissident.map((d) => `${d.assignedToName} (${d.pactName})`).join(', ')}
          {alert.dispute.decisionId ? (
            <>
              {' '}
              — <Link to={`/decisions/${alert.dispute.decisionId}`}>dispute</Link>
              {alert.dispute.outcome ? `: ${alert.dispute.outcome}` : ' open'}
            </>
          ) : (
            ' — no dispute opened yet'
          )}
        </li>
      ))}
    </ul>
  );
}
