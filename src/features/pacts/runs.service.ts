import type { Actor } from '../../core/actor.ts';
import type { AllocationReport, PactInput } from '../../core/allocate/index.ts';
import { conflict, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import { appendAudit } from '../audit/index.ts';
import { PactFileSchema } from './allocate.schema.ts';
import type { EngineFailure, EngineMode } from './engine-run.ts';
import { buildPactInput } from './pact-input.ts';
import { type RunInput, type RunView, requestedBySchema, versionLabelsSchema } from './pacts.schema.ts';
import { loadDraftForEdit, loadPact, pactParts, standingOf } from './pacts.service.ts';
import * as repo from './versions.repository.ts';
import { recordVersion } from './versions.service.ts';
import { toRunView, toVersionSummary } from './views.ts';

/** A job not heard from for this long was abandoned (its process stopped): it fails, and frees the pact. */
export const staleAfterMs = 120_000;

/** What the executor needs to run a job: the input is the snapshot taken when it was requested. */
export interface RunJob {
  runId: string;
  coalitionId: string;
  mode: EngineMode;
  input: PactInput;
  /** races × members: decides whether the job may run inline. */
  size: number;
}

async function abandonStale(db: Db, pactId: string, now: Date): Promise<void> {
  const active = await repo.findActiveRun(db, pactId);
  if (active && now.getTime() - new Date(active.heartbeat_at).getTime() > staleAfterMs) {
    await failRun(
      db,
      active.coalition_id,
      active.id,
      {
        kind: null,
        code: 'pact.run_abandoned',
        message: 'The process running this job stopped before it finished.',
      },
      now,
    );
  }
}

/**
 * Queues a run of the engine on the pact as it stands (staff, drafts only). The job carries a
 * snapshot of the input, so an edit made while it runs does not leak into its version.
 */
export async function requestRun(
  db: Db,
  actor: Actor,
  pactId: string,
  input: RunInput,
  now = new Date(),
): Promise<{ run: RunView; job: RunJob }> {
  const pact = await loadDraftForEdit(db, actor, pactId, 'run the pact engine');
  await abandonStale(db, pact.id, now);
  const active = await repo.findActiveRun(db, pact.id);
  if (active) {
    throw conflict('pact.run_in_progress', 'A run of this pact is already under way.', { runId: active.id });
  }
  const { input: engineInput, labels } = buildPactInput(await pactParts(db, pact));
  const row = await repo.insertRun(db, {
    coalition_id: actor.coalitionId,
    pact_id: pact.id,
    mode: input.mode,
    status: 'queued',
    phase: 'preparing',
    note: input.note ?? '',
    pact_revision: pact.revision,
    input: JSON.stringify(engineInput),
    labels: JSON.stringify(labels),
    requested_by: JSON.stringify({
      userId: actor.userId,
      role: actor.role,
      organizationId: actor.organizationId,
    }),
    created_at: now,
    heartbeat_at: now,
  });
  await appendAudit(db, {
    coalitionId: actor.coalitionId,
    actor,
    action: 'pact.run_requested',
    subject: { type: 'pact', id: pact.id },
    payload: { runId: row.id, mode: input.mode, note: row.note, revision: pact.revision },
  });
  return {
    run: toRunView(row, null),
    job: {
      runId: row.id,
      coalitionId: actor.coalitionId,
      mode: input.mode,
      input: engineInput,
      size: engineInput.races.length * engineInput.members.length,
    },
  };
}

/** The job, locked, while it is still queued or running; undefined once it has ended. */
async function lockActiveRun(db: Db, coalitionId: string, runId: string) {
  const run = await repo.findRun(db, coalitionId, runId, { forUpdate: true });
  return run && (run.status === 'queued' || run.status === 'running') ? run : undefined;
}

/** The requester, as recorded: the version and the audit event are theirs. */
function requesterOf(run: repo.RunRow): Actor {
  const who = requestedBySchema.parse(run.requested_by);
  return { ...who, coalitionId: run.coalition_id };
}

/**
 * Turns a finished job into the pact's next version. A job that was failed meanwhile (abandoned)
 * keeps its failure; if the pact was sent to ratification or ratified while it ran, the result is
 * discarded: a frozen pact gets no new version.
 */
export async function completeRun(
  db: Db,
  coalitionId: string,
  runId: string,
  report: AllocationReport,
  now = new Date(),
): Promise<void> {
  const seen = await repo.findRun(db, coalitionId, runId);
  if (!seen) return;
  const requester = requesterOf(seen);
  // The pact first, then the job: the order every edit takes, so two transactions never deadlock.
  const pact = await loadPact(db, requester, seen.pact_id, { forUpdate: true });
  const run = await lockActiveRun(db, coalitionId, runId);
  if (!run) return;
  const standing = await standingOf(db, requester, pact.id);
  if (standing.status !== 'draft') {
    await repo.updateRun(db, run.id, {
      status: 'discarded',
      phase: 'done',
      percent: 100,
      error: JSON.stringify({
        code: 'pact.frozen',
        message: `The pact went to ratification while the job ran (${standing.status}): no version was made.`,
      }),
      finished_at: now,
    });
    return;
  }
  const version = await recordVersion(
    db,
    pact,
    requester,
    {
      kind: 'run',
      pactRevision: run.pact_revision,
      input: PactFileSchema.parse(run.input),
      labels: versionLabelsSchema.parse(run.labels),
      report,
      note: run.note,
      runId: run.id,
    },
    now,
  );
  await repo.updateRun(db, run.id, {
    status: 'succeeded',
    phase: 'done',
    percent: 100,
    version_id: version.id,
    finished_at: now,
  });
}

/** Records why a job failed (an infeasible pact, a crash, an abandoned process). */
export async function failRun(
  db: Db,
  coalitionId: string,
  runId: string,
  failure: EngineFailure,
  now = new Date(),
): Promise<void> {
  const run = await lockActiveRun(db, coalitionId, runId);
  if (!run) return;
  const error = {
    code: failure.code,
    message: failure.message,
    ...(failure.details ? { details: failure.details } : {}),
  };
  await repo.updateRun(db, run.id, { status: 'failed', error: JSON.stringify(error), finished_at: now });
  await appendAudit(db, {
    coalitionId,
    actor: null,
    action: 'pact.run_failed',
    subject: { type: 'pact', id: run.pact_id },
    payload: { runId: run.id, code: failure.code, message: failure.message },
  });
}

/** A run's status and progress, then its version. Anyone in the coalition reads it. */
export async function getRun(
  db: Db,
  actor: Actor,
  pactId: string,
  runId: string,
  now = new Date(),
): Promise<RunView> {
  const pact = await loadPact(db, actor, pactId);
  let run = await repo.findRun(db, actor.coalitionId, runId);
  if (!run || run.pact_id !== pact.id) throw notFound('pact.run_not_found', 'No such run of this pact.');
  if (run.status === 'queued' || run.status === 'running') {
    await abandonStale(db, pact.id, now);
    run = (await repo.findRun(db, actor.coalitionId, runId)) ?? run;
  }
  const version = run.version_id ? await repo.findVersionSummary(db, pact.id, run.version_id) : undefined;
  return toRunView(run, version ? toVersionSummary(version) : null);
}
