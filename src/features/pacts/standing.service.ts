import type { Actor } from '../../core/actor.ts';
import { conflict } from '../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import { getDecisionView } from '../decisions/index.ts';
import type { RatificationRow } from './consent.repository.ts';
import type { RatificationView } from './pacts.schema.ts';

/**
 * Where a pact stands, read from its latest ratification decision through the decisions service
 * (which closes a decision whose window has passed on the way): passed → ratified and frozen;
 * scheduled or open → in ratification, edits wait; rejected, no quorum or none → a draft.
 */
export interface PactStanding {
  status: 'draft' | 'in_ratification' | 'ratified';
  ratification: RatificationView | null;
  ratifiedVersion: number | null;
}

export async function pactStanding(
  db: Db,
  actor: Actor,
  ratifications: readonly RatificationRow[],
): Promise<PactStanding> {
  const [latest] = ratifications;
  if (!latest) return { status: 'draft', ratification: null, ratifiedVersion: null };
  const decision = await getDecisionView(db, actor, latest.decision_id);
  const ratification: RatificationView = {
    decisionId: decision.id,
    version: latest.version_number,
    title: decision.title,
    phase: decision.phase,
    outcome: decision.outcome,
    closesAt: decision.closesAt,
    createdAt: new Date(latest.created_at).toISOString(),
  };
  if (decision.outcome === 'passed') {
    return { status: 'ratified', ratification, ratifiedVersion: latest.version_number };
  }
  return {
    status: decision.phase === 'closed' ? 'draft' : 'in_ratification',
    ratification,
    ratifiedVersion: null,
  };
}

/** Edits, runs and swaps need a draft: a frozen pact and a pact under vote answer 409. */
export function requireDraft(standing: PactStanding, pactName: string): void {
  if (standing.status === 'ratified') {
    throw conflict(
      'pact.ratified',
      `"${pactName}" was ratified (version ${standing.ratifiedVersion}): it is frozen.`,
      { decisionId: standing.ratification?.decisionId, version: standing.ratifiedVersion },
    );
  }
  if (standing.status === 'in_ratification') {
    throw conflict(
      'pact.ratification_pending',
      `"${pactName}" is before the coalition for ratification: edits wait for the decision.`,
      { decisionId: standing.ratification?.decisionId, version: standing.ratification?.version },
    );
  }
}
