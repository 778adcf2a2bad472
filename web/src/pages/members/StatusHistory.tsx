import { Link } from 'react-router';
import type { OrganizationDetail } from '../../api/types.ts';
import { formatDateTime, statusLabels } from '../../components/labels.ts';

const reasonLabels: Record<OrganizationDetail['history'][number]['reason'], string> = {
  application: 'Application recorded',
  founding: 'Founding member',
  decision: 'By decision',
  withdrawal: 'Withdrawal',
};

export function StatusHistory({ history }: { history: OrganizationDetail['history'] }) {
  return (
    <section aria-labelledby="history-title" className="panel">
      <h2 id="history-title">Status history</h2>
      <ol className="card-list">
        {history.map((h) => (
          <li key={`${h.at}-${h.toStatus}`}>
            {h.fromStatus ? `${statusLabels[h.fromStatus]} → ` : ''}
            <strong>{statusLabels[h.toStatus]}</strong>
            <div className="muted">
              {formatDateTime(h.at)} · {reasonLabels[h.reason]}
              {h.decisionId ? (
                <>
                  {' '}
                  (<Link to={`/decisions/${h.decisionId}`}>the decision</Link>)
                </>
              ) : null}
              {h.note ? ` · ${h.note}` : ''}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
