import { useEffect, useRef, useState } from 'react';
import { pactsContract } from '../../../../src/features/pacts/pacts.contract.ts';
import { type PactView, type RunMode, useRun, useRunFinished, useStartRun } from '../../api/pacts.ts';
import { BusyButton } from '../../components/BusyButton.tsx';
import { ErrorMessage } from '../../components/Status.tsx';
import { useSchemaForm } from '../../forms/use-schema-form.ts';
import { FormAlert, RadioField, TextField } from '../../ui/fields.tsx';
import { RunProgress } from './RunProgress.tsx';

const modeLabels: Record<RunMode, string> = {
  heuristic: 'Heuristic: fast, keeps the fairness checks (seconds)',
  exact: 'Exact: the optimum from the MILP solver, and the heuristic’s gap (slower)',
};

/**
 * Staff run the engine on the pact as it stands. The run is a job: its phase and percentage are
 * polled until it ends, then the pact (with its new version) is read again. A run already under
 * way when the page opens is picked up and followed the same way.
 */
export function RunPanel({ pact }: { pact: PactView }) {
  const start = useStartRun(pact.id);
  const finished = useRunFinished(pact.id);
  const form = useSchemaForm(pactsContract.run.body, { defaultValues: { mode: 'heuristic', note: '' } });
  const [runId, setRunId] = useState<string | null>(pact.activeRun?.id ?? null);
  const run = useRun(pact.id, runId, start.data ?? pact.activeRun ?? undefined);
  const status = run.data?.status;
  const announced = useRef<string | null>(null);

  useEffect(() => {
    const current = run.data;
    if (!current || announced.current === current.id) return;
    if (current.status === 'queued' || current.status === 'running') return;
    announced.current = current.id;
    finished();
  }, [run.data, finished]);

  const handleSubmit = form.handleSubmit((input) => {
    start.mutate(input, { onSuccess: (started) => setRunId(started.id), onError: form.onServerError });
  });
  const busy = start.isPending || status === 'queued' || status === 'running';

  return (
    <section aria-labelledby="run-title" className="panel">
      <h2 id="run-title">Run the engine</h2>
      {pact.stale && !busy ? (
        <p className="stale-note">
          The pact changed after version {pact.latestVersion?.number}: run the engine again to see the effect.
        </p>
      ) : null}
      <form className="run-form" onSubmit={handleSubmit} noValidate>
        <RadioField form={form} name="mode" label="Solver" labels={modeLabels} />
        <TextField form={form} name="note" label="Note for this version" />
        <FormAlert form={form} />
        <div>
          <BusyButton type="submit" busy={busy}>
            {busy ? 'Running…' : 'Run the engine'}
          </BusyButton>
        </div>
      </form>
      {run.isError ? <ErrorMessage error={run.error} /> : null}
      <RunProgress run={run.data ?? null} names={new Map(pact.members.map((m) => [m.key, m.name]))} />
    </section>
  );
}
