import type { Decision, DecisionResult } from '../../api/types.ts';
import { formatDateTime, outcomeLabels } from '../../components/labels.ts';
import { RoundsChart } from '../../components/RoundsChart.tsx';
import { ReceiptLookup } from './ReceiptLookup.tsx';
import { TallyTable } from './TallyTable.tsx';

/** A majority-style tally is one round of three options; ranked methods will report several rounds. */
const roundsOf = (result: DecisionResult) => [
  {
    round: 1,
    tallies: {
      Yes: result.tally.weighted.yes,
      No: result.tally.weighted.no,
      Abstain: result.tally.weighted.abstain,
    },
    elected: [],
    eliminated: [],
  },
];

export function ResultsPanel({ decision, result }: { decision: Decision; result: DecisionResult }) {
  const { tally } = result;
  return (
    <section aria-labelledby="result-title" className="panel results">
      <h2 id="result-title">
        Result:{' '}
        <span className={tally.outcome === 'passed' ? 'ok-text' : 'bad-text'}>
          {outcomeLabels[tally.outcome]}
        </span>
      </h2>
      <p>{tally.explanation}.</p>
      <p className="muted">
        Closed {formatDateTime(result.closedAt)}{' '}
        {result.closeReason === 'staff' ? 'by staff' : 'when the window ended'}. Quorum: {tally.quorum.voted}{' '}
        of {tally.quorum.eligible} voted, {tally.quorum.needed} needed ({tally.quorum.met ? 'met' : 'not met'}
        ). Yes share {(Number(tally.yesShare) * 100).toFixed(1)}%, needs {tally.threshold}.
        {result.capNote ? ` ${result.capNote}` : ''}
        {result.applied ? ` Applied: ${result.applied}.` : ''}
      </p>
      <RoundsChart
        rounds={roundsOf(result)}
        title={`Weighted votes: yes ${tally.weighted.yes}, no ${tally.weighted.no}, abstain ${tally.weighted.abstain}`}
      />
      <TallyTable result={result} secret={decision.secret} />
      <p className="muted digest">
        Digest of the counted ballots (sha256): <code>{result.ballotsDigest}</code>
      </p>
      <ReceiptLookup decisionId={decision.id} />
    </section>
  );
}
