import { useCallback } from 'react';
import { Link } from 'react-router';
import { type ResultsReport, useResultsReport } from '../../api/tickets.ts';
import { PlotFigure, type PlotModule } from '../../components/PlotFigure.tsx';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import './tickets.css';

type Member = ResultsReport['pacts'][number]['members'][number];

const series = ['Races won', 'Expected wins'];

/** Races won per member against the wins the pact expected: a bar pair per member. */
function WinsChart({ members, title }: { members: Member[]; title: string }) {
  const spec = useCallback(
    (plot: PlotModule) => {
      const rows = members.flatMap((m) => [
        { name: m.name, series: series[0], value: m.won, note: `won ${m.won} of ${m.assigned}` },
        {
          name: m.name,
          series: series[1],
          value: m.expectedWins,
          note: `expected ${m.expectedWins.toFixed(1)}`,
        },
      ]);
      return {
        width: 640,
        height: members.length * 44 + 40,
        marginLeft: 180,
        marginRight: 130,
        x: {
          domain: [0, Math.max(1, ...members.flatMap((m) => [m.won, m.expectedWins, m.assigned]))],
          label: 'Races',
          labelAnchor: 'center' as const,
          grid: true,
        },
        y: { axis: null, domain: series },
        fy: { domain: members.map((m) => m.name), axis: 'left' as const, label: null },
        color: { domain: series, range: ['var(--accent)', '#e69f00'] },
        marks: [
          plot.barX(rows, { x: 'value', y: 'series', fy: 'name', fill: 'series' }),
          plot.text(rows, { x: 'value', y: 'series', fy: 'name', text: 'note', textAnchor: 'start', dx: 4 }),
          plot.ruleX([0]),
        ],
      };
    },
    [members],
  );
  return <PlotFigure className="results-chart" spec={spec} label={title} />;
}

/** The chart's numbers as a table: what a screen reader reads, and what anyone can copy. */
function WinsTable({ members, pactName }: { members: Member[]; pactName: string }) {
  return (
    <TableScroll label={`Wins per member, ${pactName}`}>
      <table>
        <caption>Races won and expected wins per member</caption>
        <thead>
          <tr>
            <th scope="col">Member</th>
            <th scope="col" className="num">
              Races given
            </th>
            <th scope="col" className="num">
              Won
            </th>
            <th scope="col" className="num">
              Expected wins
            </th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.name}>
              <th scope="row">{m.name}</th>
              <td className="num">{m.assigned}</td>
              <td className="num">{m.won}</td>
              <td className="num">{m.expectedWins.toFixed(1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The chart's name as a sentence with its figures: "Liberal Forum won 0 of 1 (0.5 expected); …". */
const winsSummary = (members: Member[]) =>
  members
    .map((m) => `${m.name} won ${m.won} of ${m.assigned} (${m.expectedWins.toFixed(1)} expected)`)
    .join('; ');

/** Per ratified pact: wins against the promise, costly losses, and line retention. */
export function ResultsPage() {
  usePageTitle('Results against the pact');
  const report = useResultsReport();
  if (report.isPending) return <Loading label="Loading the results report" />;
  if (report.isError) return <ErrorMessage error={report.error} />;
  return (
    <section aria-labelledby="results-title">
      <p>
        <Link to="/candidates">Candidates</Link>
      </p>
      <h1 id="results-title">Results against the pact</h1>
      {report.data.pacts.length === 0 ? <p>No ratified races pact yet.</p> : null}
      {report.data.pacts.map(({ members: unsorted, ...p }) => {
        // By name, so the chart, its summary and the table list members in one stable order.
        const members = unsorted.toSorted((a, b) => a.name.localeCompare(b.name));
        return (
          <section key={p.pactId} aria-label={p.pactName}>
            <h2>
              {p.pactName} (version {p.version})
            </h2>
            <p className="muted">Blue: races won. Orange: the wins the ratified version expected.</p>
            <WinsChart
              members={members}
              title={`Races won and expected wins per member, ${p.pactName}: ${winsSummary(members)}`}
            />
            <WinsTable members={members} pactName={p.pactName} />
            <h3>Losses another coalition candidate cost</h3>
            {p.costlyLosses.length === 0 ? <p className="muted">None.</p> : null}
            <ul>
              {p.costlyLosses.map((l) => (
                <li key={l.raceKey}>
                  {l.raceName}: {l.assignedToName} lost to {l.winner} by {l.margin.toLocaleString('en-US')};{' '}
                  {l.takenBy
                    .map(
                      (t) =>
                        `${t.name} (${t.memberName}, ${t.why.replaceAll('_', ' ')}) took ${t.votes.toLocaleString('en-US')}`,
                    )
                    .join(', ')}
                </li>
              ))}
            </ul>
            {p.missingRaceNames.length > 0 ? (
              <p className="muted">No results yet for {p.missingRaceNames.join(', ')}.</p>
            ) : null}
          </section>
        );
      })}
      <h2>Ballot line retention</h2>
      {report.data.retention.length === 0 ? (
        <p className="muted">No member line in the imported results.</p>
      ) : null}
      <ul>
        {report.data.retention.map((r) => (
          <li key={`${r.raceId}-${r.line}`}>
            {r.statePo} · {r.line} in {r.raceName}:{' '}
            {r.verdict.kind === 'manual'
              ? `decide by hand — ${r.verdict.reason ?? ''} Rule: ${r.verdict.ruleText}`
              : `${r.verdict.kind === 'keeps' ? 'keeps' : 'loses'} its line (${r.lineVotes.toLocaleString('en-US')} votes, ${r.verdict.threshold?.toLocaleString('en-US')} needed)`}
          </li>
        ))}
      </ul>
    </section>
  );
}
