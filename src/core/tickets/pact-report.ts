/**
 * Results against the pact's promise: for each member, the races the pact gave it, the races it
 * won and the wins the ratified version expected; and every race the pact's candidate lost by less
 * than the votes another coalition candidate took there (a dissident, or a member that ran its own
 * candidate instead of cross-endorsing the pact's).
 */

export interface RaceCandidateResult {
  name: string;
  /** The member behind the candidate; null for an opponent. */
  organizationId: string | null;
  /** The pact's own candidate in this race (nominated by the member the pact gave it to). */
  pactCandidate: boolean;
  /** Flagged as a dissident candidacy. */
  dissident: boolean;
  votes: number;
}

export interface RaceOutcomeInput {
  raceKey: string;
  raceName: string;
  /** The member the ratified pact gave the race to; null = open. */
  assignedTo: string | null;
  candidates: readonly RaceCandidateResult[];
}

export interface MemberPromise {
  organizationId: string;
  assigned: number;
  won: number;
  expectedWins: number;
}

export interface CostlyLoss {
  raceKey: string;
  raceName: string;
  assignedTo: string;
  winner: string;
  margin: number;
  /** What the other coalition candidates took, and why each counts. */
  takenBy: {
    name: string;
    organizationId: string;
    votes: number;
    why: 'dissident' | 'missing_cross_endorsement';
  }[];
  taken: number;
}

export interface PactResultReport {
  members: MemberPromise[];
  costlyLosses: CostlyLoss[];
  /** Races with no results imported yet. */
  missingResults: string[];
}

export function reportPactResults(
  races: readonly RaceOutcomeInput[],
  expectedWins: ReadonlyMap<string, number>,
): PactResultReport {
  const members = new Map<string, MemberPromise>();
  for (const [organizationId, expected] of expectedWins)
    members.set(organizationId, { organizationId, assigned: 0, won: 0, expectedWins: expected });
  const costlyLosses: CostlyLoss[] = [];
  const missingResults: string[] = [];
  for (const race of races) {
    if (race.assignedTo === null) continue;
    const member = members.get(race.assignedTo) ?? {
      organizationId: race.assignedTo,
      assigned: 0,
      won: 0,
      expectedWins: 0,
    };
    members.set(race.assignedTo, member);
    member.assigned += 1;
    if (race.candidates.length === 0) {
      missingResults.push(race.raceKey);
      continue;
    }
    // Ties go to the first listed: a tie is not a loss the report can blame on anyone.
    const winner = race.candidates.reduce((best, c) => (c.votes > best.votes ? c : best));
    const ours = race.candidates.filter((c) => c.pactCandidate);
    const best = ours.reduce<RaceCandidateResult | null>(
      (b, c) => (b === null || c.votes > b.votes ? c : b),
      null,
    );
    if (best && (winner === best || winner.votes === best.votes)) {
      member.won += 1;
      continue;
    }
    const margin = winner.votes - (best?.votes ?? 0);
    const takenBy = race.candidates.flatMap((c) =>
      c.organizationId !== null && !c.pactCandidate && c !== winner
        ? [
            {
              name: c.name,
              organizationId: c.organizationId,
              votes: c.votes,
              why: c.dissident ? ('dissident' as const) : ('missing_cross_endorsement' as const),
            },
          ]
        : [],
    );
    const taken = takenBy.reduce((sum, c) => sum + c.votes, 0);
    if (takenBy.length > 0 && taken > margin) {
      costlyLosses.push({
        raceKey: race.raceKey,
        raceName: race.raceName,
        assignedTo: race.assignedTo,
        winner: winner.name,
        margin,
        takenBy,
        taken,
      });
    }
  }
  return {
    members: [...members.values()].sort((a, b) => a.organizationId.localeCompare(b.organizationId)),
    costlyLosses,
    missingResults,
  };
}
