import type { Actor } from '../../core/actor.ts';
import { conflict } from '../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import { readDecisionOutcomes } from '../decisions/index.ts';
import type { RatificationView } from './pacts.schema.ts';
import type { RatificationRow } from './ratification/consent.repository.ts';

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
  return (await pactStandings(db, actor, [latest])).get(latest.pact_id) ?? draft;
}

const draft: PactStanding = { status: 'draft', ratification: null, ratifiedVersion: null };

/**
 * The standing of several pacts at once (the pacts list), from their ratifications, newest first per
 * pact: one query for all their latest decisions, however many pacts.
 */
export async function pactStandings(
  db: Db,
  actor: Actor,
  ratifications: readonly RatificationRow[],
): Promise<Map<string, PactStanding>> {
  const latestOf = new Map<string, RatificationRow>();
  for (const row of ratifications) if (!latestOf.has(row.pact_id)) latestOf.set(row.pact_id, row);
  const decisions = await readDecisionOutcomes(
    db,
    actor.coalitionId,
    [...latestOf.values()].map((row) => row.decision_id),
  );
  const standings = new Map<string, PactStanding>();
  for (const [pactId, latest] of latestOf) {
    const decision = decisions.get(latest.decision_id);
    if (!decision) {
      standings.set(pactId, draft);
      continue;
    }
    const ratification: RatificationView = {
      decisionId: latest.decision_id,
      version: latest.version_number,
      title: decision.title,
      phase: decision.phase,
      outcome: decision.outcome,
      closesAt: decision.closesAt.toISOString(),
      createdAt: new Date(latest.created_at).toISOString(),
    };
    if (decision.outcome === 'passed') {
      standings.set(pactId, { status: 'ratified', ratification, ratifiedVersion: latest.version_number });
    } else {
      standings.set(pactId, {
        status: decision.phase === 'closed' ? 'draft' : 'in_ratification',
        ratification,
        ratifiedVersion: null,
      });
    }
  }
  return standings;
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
