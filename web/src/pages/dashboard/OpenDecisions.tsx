import { Link } from 'react-router';
import { useDecisions } from '../../api/decisions.ts';
import { decisionKindLabels, timeLeft } from '../../components/labels.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';

export function OpenDecisions() {
  const decisions = useDecisions({ phase: 'open' });
  if (decisions.isPending) return <Loading label="Loading decisions" />;
  if (decisions.isError) return <ErrorMessage error={decisions.error} />;
  if (decisions.data.length === 0) return <p>No decision is open for voting.</p>;
  return (
    <ul className="card-list">
      {decisions.data.map((d) => (
        <li key={d.id}>
          <Link to={`/decisions/${d.id}`}>{d.title}</Link>
          <div className="muted">
            {decisionKindLabels[d.kind]} · {timeLeft(d.closesAt)} · {d.participation.voted} of{' '}
            {d.participation.eligible} voted
          </div>
        </li>
      ))}
    </ul>
  );
}
