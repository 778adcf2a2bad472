import type { Actor } from '../../../core/actor.ts';
import { conflict, notFound } from '../../../core/errors.ts';
import type { Db } from '../../../db/database.ts';
import { appendAudit } from '../../audit/index.ts';
import { createDecision } from '../../decisions/index.ts';
import { AllocationReportSchema } from '../allocate.schema.ts';
import { loadDraftForEdit } from '../drafting/pacts.service.ts';
import { type RatifyInput, versionLabelsSchema } from '../pacts.schema.ts';
import { type FullVersionRow, findActiveRun, findVersion } from '../versions/versions.repository.ts';
import type { Pact } from '../views.ts';
import { insertRatification } from './consent.repository.ts';

/** What members vote on, in the decision's body: each member's races and odds, and the fairness flags. */
function describe(pact: Pact, version: FullVersionRow): string {
  const report = AllocationReportSchema.parse(version.result);
  const labels = versionLabelsSchema.parse(version.labels);
  const open = Object.values(report.assignments).filter((member) => member === null).length;
  const lines = [
    `Seat-sharing pact "${pact.name}", version ${version.number} (${report.solver.mode}).`,
    '',
    ...Object.entries(report.members).map(
      ([key, member]) =>
        `- ${labels.members[key]?.name ?? key}: ${member.seats} races (entitled to ${member.entitlement.toFixed(2)}), ${member.expectedWins.toFixed(2)} expected wins`,
    ),
    '',
    `${Object.keys(report.assignments).length} races, ${open} left open. Expected wins: ${report.expectedWins.pact.toFixed(2)} with the pact, ${report.expectedWins.noPact.toFixed(2)} without.`,
    `Entitlement within ±1: ${report.fairness.entitlementWithinOne ? 'yes' : 'NO'}. WEF1: ${report.fairness.wef1 ? 'yes' : 'NO'}.`,
    'Every race, with its explanation, is in the pact’s version; passing this decision freezes it.',
  ];
  return lines.join('\n');
}

/**
 * Puts a version of the pact to the coalition as a `pact_ratification` decision (staff, drafts
 * only, no run under way). While the decision is open the pact waits; when it passes the pact is
 * frozen at that version; when it fails the pact is a draft again.
 */
export async function sendToRatification(
  db: Db,
  actor: Actor,
  pactId: string,
  input: RatifyInput,
  now = new Date(),
) {
  const pact = await loadDraftForEdit(db, actor, pactId, 'send a pact to ratification');
  const running = await findActiveRun(db, pact.id);
  if (running) {
    throw conflict(
      'pact.run_in_progress',
      'Wait for the run under way before sending the pact to ratification.',
      {
        runId: running.id,
      },
    );
  }
  const version = await findVersion(db, pact.id, input.version);
  if (!version) {
    throw notFound(
      'pact.version_not_found',
      input.version === undefined
        ? 'Run the pact first: there is no version to ratify.'
        : `No version ${input.version}.`,
    );
  }
  const { version: _version, title, body, ...rules } = input;
  const decision = await createDecision(
    db,
    actor,
    {
      ...rules,
      kind: 'pact_ratification',
      title: title ?? `Ratify the pact "${pact.name}" (version ${version.number})`,
      body: [describe(pact, version), body].filter(Boolean).join('\n\n'),
    },
    now,
  );
  const ratification = await insertRatification(db, {
    coalition_id: pact.coalitionId,
    pact_id: pact.id,
    version_id: version.id,
    decision_id: decision.id,
    created_by: actor.userId,
    created_at: now,
  });
  await appendAudit(db, {
    coalitionId: pact.coalitionId,
    actor,
    action: 'pact.ratification_requested',
    subject: { type: 'pact', id: pact.id },
    payload: { version: version.number, decisionId: decision.id },
    rows: [{ table: 'pact_ratifications', id: ratification.id }],
  });
  return { pactId: pact.id, version: version.number, decisionId: decision.id, closesAt: decision.closesAt };
}
