import type { Actor } from '../../../core/actor.ts';
import { type AllocationReport, adviseOnPact, type PactInput } from '../../../core/allocate/index.ts';
import { notFound } from '../../../core/errors.ts';
import type { Db } from '../../../db/database.ts';
import { appendAudit } from '../../audit/index.ts';
import { AllocationReportSchema, PactFileSchema } from '../allocate.schema.ts';
import { loadPact } from '../drafting/pacts.service.ts';
import {
  type AdviceView,
  type Comparison,
  type VersionLabels,
  type VersionSummary,
  type VersionView,
  versionLabelsSchema,
} from '../pacts.schema.ts';
import { type Pact, toVersionSummary } from '../views.ts';
import { type ComparableVersion, compareVersions } from './compare.ts';
import * as repo from './versions.repository.ts';

export interface NewVersion {
  kind: 'run' | 'swap';
  pactRevision: number;
  input: PactInput;
  labels: VersionLabels;
  report: AllocationReport;
  note: string;
  runId: string | null;
}

/**
 * Stores the next version of a pact (its row must be locked by the caller) with the whole input
 * and report, and appends `pact.version_created` with the figures that matter.
 */
export async function recordVersion(
  db: Db,
  pact: Pact,
  actor: Pick<Actor, 'userId' | 'role' | 'organizationId' | 'coalitionId'>,
  version: NewVersion,
  now: Date,
): Promise<{ id: string; summary: VersionSummary }> {
  const number = await repo.nextVersionNumber(db, pact.id);
  const { report } = version;
  const row = await repo.insertVersion(db, {
    coalition_id: pact.coalitionId,
    pact_id: pact.id,
    number,
    kind: version.kind,
    pact_revision: version.pactRevision,
    input: JSON.stringify(version.input),
    labels: JSON.stringify(version.labels),
    result: JSON.stringify(report),
    expected_wins: report.expectedWins.pact,
    no_pact_wins: report.expectedWins.noPact,
    entitlement_ok: report.fairness.entitlementWithinOne,
    wef1: report.fairness.wef1,
    note: version.note,
    run_id: version.runId,
    created_by: actor.userId,
    created_at: now,
  });
  await appendAudit(db, {
    coalitionId: pact.coalitionId,
    actor: { ...actor },
    action: 'pact.version_created',
    subject: { type: 'pact', id: pact.id },
    payload: {
      version: number,
      kind: version.kind,
      mode: report.solver.mode,
      runId: version.runId,
      note: version.note,
      expectedWins: report.expectedWins,
      fairness: report.fairness,
      seats: Object.fromEntries(Object.entries(report.members).map(([key, member]) => [key, member.seats])),
    },
    rows: [{ table: 'pact_versions', id: row.id }],
  });
  const summary = await repo.findVersionSummary(db, pact.id, row.id);
  if (!summary) throw new Error('the version just stored is missing');
  return { id: row.id, summary: toVersionSummary(summary) };
}

export async function listVersions(db: Db, actor: Actor, pactId: string): Promise<VersionSummary[]> {
  const pact = await loadPact(db, actor, pactId);
  return (await repo.listVersionSummaries(db, [pact.id])).map(toVersionSummary);
}

/** A whole version (input, report, labels), by number or the latest. */
export async function getVersion(
  db: Db,
  actor: Actor,
  pactId: string,
  number?: number,
): Promise<VersionView> {
  const pact = await loadPact(db, actor, pactId);
  const row = await repo.findVersion(db, pact.id, number);
  if (!row) {
    throw notFound(
      'pact.version_not_found',
      number === undefined
        ? 'This pact has no version yet: run it first.'
        : `No version ${number} of this pact.`,
      { version: number ?? null },
    );
  }
  return {
    ...toVersionSummary(row),
    input: PactFileSchema.parse(row.input),
    result: AllocationReportSchema.parse(row.result),
    labels: versionLabelsSchema.parse(row.labels),
  };
}

/**
 * Advice on one version (latest by default): the engine re-run without each rule (docs/pacts.md,
 * "Advice"). Computed on request: a few heuristic runs, milliseconds at the sizes pacts have.
 */
export async function getVersionAdvice(
  db: Db,
  actor: Actor,
  pactId: string,
  number?: number,
): Promise<AdviceView> {
  const view = await getVersion(db, actor, pactId, number);
  return { version: view.number, ...adviseOnPact(view.input, view.result) };
}

const comparable = (view: VersionView): ComparableVersion => {
  const { input: _input, result, labels, ...summary } = view;
  return { summary, result, labels };
};

export async function compareVersionNumbers(
  db: Db,
  actor: Actor,
  pactId: string,
  from: number,
  to: number,
): Promise<Comparison> {
  const before = await getVersion(db, actor, pactId, from);
  const after = await getVersion(db, actor, pactId, to);
  return compareVersions(comparable(before), comparable(after));
}
