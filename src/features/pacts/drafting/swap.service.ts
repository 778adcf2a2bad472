import type { Actor } from '../../../core/actor.ts';
import { evaluateAssignments } from '../../../core/allocate/index.ts';
import { conflict, invalid } from '../../../core/errors.ts';
import type { Db } from '../../../db/database.ts';
import { AllocationReportSchema } from '../allocate.schema.ts';
import { roundReport } from '../cli/allocate.format.ts';
import * as repo from '../pacts.repository.ts';
import { type SwapInput, type VersionSummary, versionLabelsSchema } from '../pacts.schema.ts';
import { findVersion } from '../versions/versions.repository.ts';
import { recordVersion } from '../versions/versions.service.ts';
import { buildPactInput } from './pact-input.ts';
import { loadDraftForEdit, pactParts } from './pacts.service.ts';
import { addRule, recordRuleChange, requireRaces } from './rules.service.ts';

/**
 * Exchanges the members of two races in the latest version (staff, drafts only): race A goes to
 * B's member and B to A's. Both races are locked that way, so a rerun keeps the deal, and the
 * result is a new version whose figures and fairness flags are recomputed from scratch: a swap
 * that breaks entitlement or WEF1 is recorded, and says so.
 */
export async function swapRaces(
  db: Db,
  actor: Actor,
  pactId: string,
  input: SwapInput,
  now = new Date(),
): Promise<VersionSummary> {
  const pact = await loadDraftForEdit(db, actor, pactId, 'swap races');
  const [a, b] = input.races;
  if (a === b)
    throw invalid('pact.swap_same_race', 'A swap needs two different races.', { races: input.races });
  await requireRaces(db, pact, [a, b]);
  const latest = await findVersion(db, pact.id);
  if (!latest) {
    throw conflict(
      'pact.no_version',
      'Run the pact first: a swap exchanges two races of the latest version.',
    );
  }
  if (latest.pact_revision !== pact.revision) {
    throw conflict(
      'pact.stale',
      `The pact changed after version ${latest.number}: rerun it before swapping, so the swap starts from what the rules give.`,
      { version: latest.number },
    );
  }
  const report = AllocationReportSchema.parse(latest.result);
  const labels = versionLabelsSchema.parse(latest.labels);
  const ownerOf = (race: string) => {
    const key = report.assignments[race];
    const label = key ? labels.members[key] : undefined;
    return label ? pact.members.find((member) => member.organizationId === label.organizationId) : undefined;
  };
  const [first, second] = [ownerOf(a), ownerOf(b)];
  if (!first || !second) {
    throw conflict(
      'pact.swap_open_race',
      `Race ${first ? b : a} has no member in version ${latest.number}.`,
      {
        races: input.races,
      },
    );
  }
  if (first.organizationId === second.organizationId) {
    throw conflict('pact.swap_same_member', `Both races belong to ${first.name}: nothing to swap.`, {
      races: input.races,
    });
  }
  const vetoes = (await repo.listRules(db, pact.id)).filter((rule) => rule.kind === 'veto');
  const vetoed = vetoes.find(
    (rule) =>
      (rule.race_key === a && rule.organization_id === second.organizationId) ||
      (rule.race_key === b && rule.organization_id === first.organizationId),
  );
  if (vetoed) {
    throw conflict('pact.swap_vetoed', `The swap would put a vetoed member in race ${vetoed.race_key}.`, {
      race: vetoed.race_key,
      organizationId: vetoed.organization_id,
    });
  }
  for (const [race, member, other] of [
    [a, second, b],
    [b, first, a],
  ] as const) {
    const note = input.note ?? `swapped with race ${other}`;
    await addRule(db, actor, pact, { race, kind: 'lock', member, origin: 'swap', note }, now);
  }
  const updated = await recordRuleChange(
    db,
    actor,
    pact,
    {
      action: 'pact.swapped',
      payload: {
        races: [a, b],
        from: { [a]: first.organizationId, [b]: second.organizationId },
        to: { [a]: second.organizationId, [b]: first.organizationId },
      },
    },
    now,
  );
  const { input: engineInput, labels: newLabels } = buildPactInput(await pactParts(db, updated));
  const assignments = { ...report.assignments, [a]: second.key, [b]: first.key };
  const swapped = roundReport(evaluateAssignments(engineInput, assignments));
  const { summary } = await recordVersion(
    db,
    updated,
    actor,
    {
      kind: 'swap',
      pactRevision: updated.revision,
      input: engineInput,
      labels: newLabels,
      report: swapped,
      note: input.note ?? `swap ${a} ↔ ${b}`,
      runId: null,
    },
    now,
  );
  return summary;
}
