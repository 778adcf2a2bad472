import { useId } from 'react';
import type { RunView } from '../../api/pacts.ts';
import { withMemberNames } from './explanation-text.ts';

const phaseLabels: Record<RunView['phase'], string> = {
  preparing: 'Preparing the input',
  heuristic: 'Heuristic: picking sequence, repairs and local search',
  exact: 'Exact solver (MILP)',
  checking: 'Checking entitlement and fairness',
  done: 'Done',
};

/** The reasons an infeasible run lists (`details.collisions` of `pact.infeasible`), when it lists any. */
function collisionReasons(details: Record<string, unknown> | undefined): string[] {
  const collisions = details?.collisions;
  if (!Array.isArray(collisions)) return [];
  return collisions.flatMap((c: unknown) =>
    typeof c === 'object' && c !== null && 'reason' in c && typeof c.reason === 'string' ? [c.reason] : [],
  );
}

const isActive = (run: RunView | null) => run?.status === 'queued' || run?.status === 'running';

function messageOf(run: RunView | null): string {
  if (!run) return '';
  if (run.status === 'queued') return 'Queued…';
  if (run.status === 'running') return `${phaseLabels[run.phase]}…`;
  if (run.status === 'succeeded')
    return `Done: version ${run.version?.number ?? '?'} is ready (${run.mode}).`;
  if (run.status === 'discarded') return 'The run was discarded: the pact changed state while it ran.';
  return 'The run failed.';
}

/**
 * A run's progress as an accessible <progress> bar. The live region is always in the page (so its
 * first message is announced too) and speaks only when the phase or the outcome changes: a
 * percentage read out at every poll would drown everything else.
 */
export function RunProgress({
  run,
  names,
}: {
  run: RunView | null;
  /** Member key → name: the engine's messages name members by key. */
  names: ReadonlyMap<string, string>;
}) {
  const id = useId();
  return (
    <div className="run-progress">
      {run && isActive(run) ? (
        <>
          <label htmlFor={id}>
            {run.mode === 'exact' ? 'Exact run' : 'Heuristic run'}: {run.percent}%
          </label>
          <progress id={id} max={100} value={run.percent} />
        </>
      ) : null}
      <p role="status" aria-live="polite" className={run?.status === 'failed' ? 'bad-text' : undefined}>
        {messageOf(run)}
      </p>
      {run?.error ? (
        <div className="error" role="alert">
          <p>{withMemberNames(run.error.message, names)}</p>
          {collisionReasons(run.error.details).length > 1 ? (
            <ul>
              {collisionReasons(run.error.details).map((reason) => (
                <li key={reason}>{withMemberNames(reason, names)}</li>
              ))}
            </ul>
          ) : null}
          <p className="muted">Code: {run.error.code}</p>
        </div>
      ) : null}
    </div>
  );
}
