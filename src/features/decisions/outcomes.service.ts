import type { Db } from '../../db/database.ts';
import { closeDueDecisions } from './close.service.ts';
import { findDecisionStandings } from './decisions.repository.ts';
import type { DecisionSummary } from './decisions.schema.ts';
import { phaseOf } from './views.ts';

export interface DecisionOutcome {
  phase: DecisionSummary['phase'];
  outcome: DecisionSummary['outcome'];
  /** When it closed; null while it is scheduled or open. */
  closedAt: Date | null;
}

/**
 * Phase and outcome of some of a coalition's decisions, for readers without an Actor (the public
 * site): no title, body, roll or ballots. Like every read, it first closes those whose window has
 * passed, so it must run in a transaction.
 */
export async function readDecisionOutcomes(
  db: Db,
  coalitionId: string,
  ids: readonly string[],
  now = new Date(),
): Promise<Map<string, DecisionOutcome>> {
  let rows = await findDecisionStandings(db, coalitionId, ids);
  const due = rows.filter((row) => row.status === 'open' && new Date(row.closes_at) <= now);
  if (due.length > 0) {
    for (const row of due) await closeDueDecisions(db, coalitionId, now, row.id);
    rows = await findDecisionStandings(db, coalitionId, ids);
  }
  return new Map(
    rows.map((row) => [
      row.id,
      {
        phase: phaseOf(row, now),
        outcome: (row.outcome as DecisionOutcome['outcome']) ?? null,
        closedAt: row.closed_at === null ? null : new Date(row.closed_at),
      },
    ]),
  );
}
