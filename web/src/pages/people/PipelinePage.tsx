import { useMemo } from 'react';
import { Link } from 'react-router';
import { useAdvancePipeline, usePipeline } from '../../api/people.ts';
import { useSession } from '../../api/session.ts';
import { BusyButton } from '../../components/BusyButton.tsx';
import { isStaffRole } from '../../components/roles.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { FunnelChart, funnelOverTime } from './FunnelChart.tsx';

/** The ladder of engagement as a funnel: people per stage, who is ready per tag, and moves over time. */
export function PipelinePage() {
  usePageTitle('Leadership pipeline');
  const session = useSession().data;
  // Coalition staff see supporters only as totals: the server refuses them the pipeline, so say
  // why up front rather than show the refusal and a button that cannot work.
  if (session && isStaffRole(session.role)) {
    return (
      <section aria-labelledby="pipeline-title">
        <h1 id="pipeline-title">Leadership pipeline</h1>
        <p>
          Each member keeps its own leadership pipeline; coalition staff see supporters only as totals, on the{' '}
          <Link to="/people">People</Link> page.
        </p>
      </section>
    );
  }
  return <MemberPipeline />;
}

function MemberPipeline() {
  const pipeline = usePipeline();
  const advance = useAdvancePipeline();
  const widest = Math.max(1, ...(pipeline.data?.stages.map((s) => s.people) ?? [1]));
  // Kept between renders so the chart is redrawn only when the pipeline changes.
  const funnel = useMemo(
    () => (pipeline.data ? funnelOverTime(pipeline.data) : { stages: [], points: [] }),
    [pipeline.data],
  );
  return (
    <section aria-labelledby="pipeline-title">
      <h1 id="pipeline-title">Leadership pipeline</h1>
      {pipeline.isPending ? <Loading label="Loading the pipeline" /> : null}
      {pipeline.isError ? <ErrorMessage error={pipeline.error} /> : null}
      {advance.isError ? <ErrorMessage error={advance.error} /> : null}
      {advance.data ? <p role="status">Moved {advance.data.moved} people up one stage.</p> : null}
      <ol aria-label="Stages" className="card-list">
        {pipeline.data?.stages.map((s) => (
          <li key={s.name}>
            <strong>{s.name}</strong>: {s.people}
            {s.rule ? (
              <span className="muted">
                {' '}
                (earned by {s.rule.atLeast} {s.rule.kind}
                {s.rule.atLeast === 1 ? '' : 's'}
                {s.rule.withinDays ? ` in ${s.rule.withinDays} days` : ''})
              </span>
            ) : null}
            <div
              aria-hidden="true"
              style={{
                background: 'currentColor',
                opacity: 0.3,
                height: 8,
                width: `${(100 * s.people) / widest}%`,
              }}
            />
            {s.readyToMoveUp.length ? (
              <div>
                Ready to move up: {s.readyToMoveUp.map((r) => `${r.tag || 'no tag'} ${r.count}`).join(', ')}
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      {pipeline.data ? (
        <BusyButton busy={advance.isPending} onClick={() => advance.mutate()}>
          Move everyone who is ready up one stage
        </BusyButton>
      ) : null}
      {funnel.points.length && funnel.stages.length ? (
        <>
          <h2>Stage funnel over time</h2>
          <FunnelChart stages={funnel.stages} points={funnel.points} />
          <TableScroll label="Stage funnel by month">
            <table>
              <caption>People who had reached each stage by the end of the month (moves that month)</caption>
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  {funnel.stages.map((stage) => (
                    <th key={stage} scope="col">
                      {stage}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {funnel.points.map((point) => (
                  <tr key={point.month}>
                    <th scope="row">{point.month}</th>
                    {funnel.stages.map((stage, i) => (
                      <td key={stage}>
                        {point.reached[i] ?? 0} (+
                        {pipeline.data?.moves.find((m) => m.month === point.month && m.stage === stage)
                          ?.count ?? 0}
                        )
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      ) : null}
    </section>
  );
}
