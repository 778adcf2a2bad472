import type { Db } from '../../db/database.ts';
import { asReadNow } from './close.service.ts';
import { findDecision, findDecisionStandings } from './decisions.repository.ts';
import type { DecisionSummary } from './decisions.schema.ts';
import { phaseOf } from './views.ts';

export interface DecisionOutcome {
  title: string;
  closesAt: Date;
  phase: DecisionSummary['phase'];
  outcome: DecisionSummary['outcome'];
  /** When it closed; null while it is scheduled or open. */
  closedAt: Date | null;
}

/**
 * Title, phase and outcome of some of a coalition's decisions, in one query, for readers without an
 * Actor (the public site) and lists (pact standings): no body, roll or ballots. Reads only: one whose window has passed shows the outcome
 * its close will store (counted here), before the close job or the next write stores it.
 */
export async function readDecisionOutcomes(
  db: Db,
  coalitionId: string,
  ids: readonly string[],
  now = new Date(),
): Promise<Map<string, DecisionOutcome>> {
  const rows = await Promise.all(
    (await findDecisionStandings(db, coalitionId, ids)).map(async (row) => {
      if (row.status !== 'open' || new Date(row.closes_at) > now) return row;
      const full = await findDecision(db, coalitionId, row.id);
      return full ? asReadNow(db, full, now) : row;
    }),
  );
  return new Map(
    rows.map((row) => [
      row.id,
      {
        title: row.title,
        closesAt: new Date(row.closes_at),
        phase: phaseOf(row, now),
        outcome: (row.outcome as DecisionOutcome['outcome']) ?? null,
        closedAt: row.closed_at === null ? null : new Date(row.closed_at),
      },
    ]),
  );
}
