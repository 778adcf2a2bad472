import type { Decision, DecisionResult, MajorityTally, RankedCount } from '../../api/types.ts';
import { formatDateTime, formatExact, outcomeLabels } from '../../components/labels.ts';
import { type ChartRound, RoundsChart } from '../../components/RoundsChart.tsx';
import { ReceiptLookup } from './ReceiptLookup.tsx';
import { RoundsTable } from './RoundsTable.tsx';
import { TallyTable } from './TallyTable.tsx';

const names = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** The engine's rounds as the chart reads them (elected and eliminated pass through the API as-is). */
export function chartRounds(count: NonNullable<RankedCount['count']>): ChartRound[] {
  return count.rounds.map((r) => ({
    round: r.round,
    tallies: r.tallies,
    ...(typeof r.exhausted === 'number' || typeof r.exhausted === 'string' ? { exhausted: r.exhausted } : {}),
    elected: names(r.elected),
    eliminated: names(r.eliminated),
  }));
}

export function ResultsPanel({ decision, result }: { decision: Decision; result: DecisionResult }) {
  const outcome = result.tally?.outcome ?? result.ranked?.outcome;
  return (
    <section aria-labelledby="result-title" className="panel results">
      <h2 id="result-title">
        Result:{' '}
        {outcome ? (
          <span className={outcome === 'passed' || outcome === 'decided' ? 'ok-text' : 'bad-text'}>
            {outcomeLabels[outcome]}
          </span>
        ) : (
          'not counted'
        )}
      </h2>
      <p className="muted">
        Closed {formatDateTime(result.closedAt)}{' '}
        {result.closeReason === 'staff' ? 'by staff' : 'when the window ended'}.
        {result.capNote ? ` ${result.capNote}` : ''}
        {result.applied ? ` Applied: ${result.applied}.` : ''}
      </p>
      {result.secrecy ? <SecrecyNote secrecy={result.secrecy} /> : null}
      {result.tally ? <MajorityResult tally={result.tally} /> : null}
      {result.ranked ? <RankedResult ranked={result.ranked} /> : null}
      <TallyTable result={result} secret={decision.secret} />
      <p className="muted digest">
        Digest of the counted ballots (sha256): <code>{result.ballotsDigest}</code>
      </p>
      <ReceiptLookup decisionId={decision.id} />
    </section>
  );
}

function QuorumLine({ quorum }: { quorum: MajorityTally['quorum'] }) {
  return (
    <>
      Quorum: {quorum.voted} of {quorum.eligible} voted, {quorum.needed} needed (
      {quorum.met ? 'met' : 'not met'}).
    </>
  );
}

/** How much of a secret ballot's tally is published, and why (docs/security.md "Secret ballots"). */
function SecrecyNote({ secrecy }: { secrecy: NonNullable<DecisionResult['secrecy']> }) {
  return (
    <p className={secrecy.kMet ? 'muted secrecy-note' : 'bad-text secrecy-note'} data-testid="secrecy-note">
      {secrecy.note}
    </p>
  );
}

type Totals = NonNullable<MajorityTally['weighted']>;

/** A yes/no tally is one round of three options in the chart. */
const yesNoRound = (totals: Totals): ChartRound => ({
  round: 1,
  tallies: { Yes: totals.yes, No: totals.no, Abstain: totals.abstain },
  elected: [],
  eliminated: [],
});

function MajorityResult({ tally }: { tally: MajorityTally }) {
  const { weighted, organizations, shares } = tally;
  return (
    <>
      <p>{tally.explanation}.</p>
      <p className="muted">
        <QuorumLine quorum={tally.quorum} />{' '}
        {tally.yesShare === null ? '' : `Yes share ${(Number(tally.yesShare) * 100).toFixed(1)}%, `}needs{' '}
        {tally.threshold}.
      </p>
      {shares ? (
        <p>
          Weighted shares: yes {shares.yes.from}–{shares.yes.to} %, no {shares.no.from}–{shares.no.to} %,
          abstain {shares.abstain.from}–{shares.abstain.to} %.
        </p>
      ) : null}
      {weighted ? (
        <WeightedCharts method={tally.method} weighted={weighted} organizations={organizations} />
      ) : null}
    </>
  );
}

function WeightedCharts({
  method,
  weighted,
  organizations,
}: {
  method: MajorityTally['method'];
  weighted: Totals;
  organizations: Totals | null;
}) {
  const tally = { method };
  return (
    <>
      <RoundsChart
        rounds={[yesNoRound(weighted)]}
        {...(tally.method === 'double_majority' ? { caption: 'By weight' } : {})}
        title={`Weighted votes: yes ${formatExact(weighted.yes)}, no ${formatExact(weighted.no)}, abstain ${formatExact(weighted.abstain)}`}
      />
      {tally.method === 'double_majority' && organizations ? (
        // The second majority: organizations counted one each, whatever their weight.
        <RoundsChart
          rounds={[yesNoRound(organizations)]}
          caption="By organization"
          title={`Organizations: yes ${organizations.yes}, no ${organizations.no}, abstain ${organizations.abstain}`}
        />
      ) : null}
    </>
  );
}

function RankedResult({ ranked }: { ranked: RankedCount }) {
  const rounds = ranked.count ? chartRounds(ranked.count) : [];
  return (
    <>
      <p>
        {ranked.winners.length > 0 ? (
          <>
            {ranked.winners.length === 1 ? 'Winner' : 'Winners'}: <strong>{ranked.winners.join(', ')}</strong>
            .{' '}
          </>
        ) : null}
        {ranked.explanation}.
      </p>
      <p className="muted">
        <QuorumLine quorum={ranked.quorum} />
        {ranked.count?.condorcetWinner ? ` Condorcet winner: ${ranked.count.condorcetWinner}.` : ''}
        {ranked.count && ranked.count.ranking.length > 0
          ? ` Full order: ${ranked.count.ranking.join(', ')}.`
          : ''}
      </p>
      {rounds.length > 0 ? (
        <>
          <RoundsChart
            rounds={rounds}
            title={`Votes per option in each of ${rounds.length} round${rounds.length === 1 ? '' : 's'}`}
          />
          <RoundsTable rounds={rounds} />
        </>
      ) : null}
    </>
  );
}
