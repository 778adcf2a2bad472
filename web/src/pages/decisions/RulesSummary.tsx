import type { Decision } from '../../api/types.ts';
import {
  closedLabel,
  formatDateTime,
  methodLabels,
  metricLabels,
  timeLeft,
} from '../../components/labels.ts';

export function RulesSummary({ decision: d }: { decision: Decision }) {
  const { rules } = d;
  return (
    <section aria-labelledby="rules-title" className="panel">
      <h2 id="rules-title">How it is decided</h2>
      <dl className="facts">
        <dt>Method</dt>
        <dd>
          {methodLabels[d.method]}
          {rules.threshold ? ` (${rules.threshold.num}/${rules.threshold.den})` : ''}
        </dd>
        <dt>Weighting</dt>
        <dd>
          {rules.weighting === 'equal'
            ? 'One organization, one vote'
            : `By strength (${metricLabels[rules.strengthMetric].toLowerCase()})${
                rules.weightCapPermille ? `, capped at ${rules.weightCapPermille / 10}% each` : ''
              }`}
        </dd>
        <dt>Quorum</dt>
        <dd>
          {rules.quorum.num}/{rules.quorum.den} of eligible organizations ({d.participation.voted} of{' '}
          {d.participation.eligible} have voted)
        </dd>
        <dt>Window</dt>
        <dd>
          {formatDateTime(d.opensAt)} to {formatDateTime(d.closesAt)}
          {d.phase === 'open' ? ` · ${timeLeft(d.closesAt)}` : ''}
          {d.phase === 'closed' ? ` · ${closedLabel(d)}` : ''}
        </dd>
        <dt>Eligible</dt>
        <dd>{d.roll.eligible.map((e) => e.name).join(', ') || 'Nobody'}</dd>
        {d.roll.recused.length > 0 ? (
          <>
            <dt>Recused</dt>
            <dd>{d.roll.recused.map((r) => `${r.name} (${r.reason})`).join(', ')}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
