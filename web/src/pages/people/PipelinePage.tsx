import { useAdvancePipeline, usePipeline } from '../../api/people.ts';
import { BusyButton } from '../../components/BusyButton.tsx';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';

/** The ladder of engagement as a funnel: people per stage, who is ready per tag, and moves over time. */
export function PipelinePage() {
  usePageTitle('Leadership pipeline');
  const pipeline = usePipeline();
  const advance = useAdvancePipeline();
  const widest = Math.max(1, ...(pipeline.data?.stages.map((s) => s.people) ?? [1]));
  const months = [...new Set(pipeline.data?.moves.map((m) => m.month) ?? [])];
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
      <BusyButton busy={advance.isPending} onClick={() => advance.mutate()}>
        Move everyone who is ready up one stage
      </BusyButton>
      {months.length ? (
        <table>
          <caption>Stage reached, by month</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              {pipeline.data?.stages.slice(1).map((s) => (
                <th key={s.name} scope="col">
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {months.map((month) => (
              <tr key={month}>
                <td>{month}</td>
                {pipeline.data?.stages.slice(1).map((s) => (
                  <td key={s.name}>
                    {pipeline.data?.moves.find((m) => m.month === month && m.stage === s.name)?.count ?? 0}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
