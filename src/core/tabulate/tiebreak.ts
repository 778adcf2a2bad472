import { type SeededRandom, seededRandom } from './random.ts';
import type { CandidateName, TiebreakPurpose, TiebreakRecord, TiebreakRule } from './types.ts';

/** Tallies of one earlier round, indexed by candidate (numbers or fixed-point bigints). */
export interface PastRound {
  round: number;
  tallies: ArrayLike<number> | ArrayLike<bigint>;
}

/** `lowest` when choosing whom to eliminate, `highest` when choosing whom to elect or serve first. */
export type TieWant = 'lowest' | 'highest';

export interface Tie {
  tied: readonly number[];
  want: TieWant;
  purpose: TiebreakPurpose;
  round: number;
  /** Earlier rounds, oldest first (used by `previous-round`). */
  history?: readonly PastRound[];
}

/**
 * Breaks ties by the configured rule and records every decision:
 * - `previous-round`: the most recent earlier round in which the tied candidates differ decides
 *   (RCTab "previous round counts"; Scottish rules 49(2) and 51(2)), narrowing to those still tied
 *   there; if they were equal in every round, a seeded random draw decides;
 * - `random`: a seeded random draw (see random.ts);
 * - `order`: the candidate list is a priority order: the last listed is eliminated first, the
 *   first listed is elected first;
 * - `stop`: no choice; the count stops and reports the tie.
 */
export class Tiebreaker {
  readonly records: TiebreakRecord[] = [];
  private random: SeededRandom | null = null;

  constructor(
    private readonly rule: TiebreakRule,
    private readonly seed: string,
    private readonly names: readonly CandidateName[],
  ) {}

  /** The chosen candidate, or null when the rule is `stop`. */
  pick(tie: Tie): number | null {
    const tied = [...tie.tied].sort((a, b) => a - b);
    if (this.rule === 'stop') {
      this.record(tie, tied, 'stop', null, 'count stopped: the rule is to report the tie');
      return null;
    }
    if (this.rule === 'order') {
      const chosen = (tie.want === 'lowest' ? tied[tied.length - 1] : tied[0]) as number;
      const detail = tie.want === 'lowest' ? 'listed last among the tied' : 'listed first among the tied';
      this.record(tie, tied, 'order', chosen, detail);
      return chosen;
    }
    let pool = tied;
    if (this.rule === 'previous-round') {
      const narrowed = narrowByPreviousRounds(tied, tie.want, tie.history ?? []);
      if (narrowed.candidates.length === 1) {
        const chosen = narrowed.candidates[0] as number;
        const detail = `${tie.want === 'lowest' ? 'fewest' : 'most'} votes in round ${narrowed.round}`;
        this.record(tie, tied, 'previous-round', chosen, detail);
        return chosen;
      }
      pool = narrowed.candidates;
    }
    this.random ??= seededRandom(this.seed);
    const chosen = pool[this.random.below(pool.length)] as number;
    const fallback = this.rule === 'previous-round' ? 'equal in every earlier round; ' : '';
    this.record(tie, tied, 'random', chosen, `${fallback}drawn with seed ${JSON.stringify(this.seed)}`);
    return chosen;
  }

  private record(tie: Tie, tied: number[], rule: TiebreakRule, chosen: number | null, detail: string): void {
    this.records.push({
      round: tie.round,
      purpose: tie.purpose,
      tied: tied.map((candidate) => this.names[candidate] as CandidateName),
      rule,
      chosen: chosen === null ? null : (this.names[chosen] as CandidateName),
      detail,
    });
  }
}

function narrowByPreviousRounds(
  tied: number[],
  want: TieWant,
  history: readonly PastRound[],
): { candidates: number[]; round: number } {
  let candidates = tied;
  for (let i = history.length - 1; i >= 0 && candidates.length > 1; i--) {
    const past = history[i] as PastRound;
    const value = (candidate: number) => past.tallies[candidate] as number | bigint;
    let best = value(candidates[0] as number);
    for (const candidate of candidates) {
      const v = value(candidate);
      if (want === 'lowest' ? v < best : v > best) best = v;
    }
    const narrowed = candidates.filter((candidate) => value(candidate) === best);
    if (narrowed.length < candidates.length) {
      candidates = narrowed;
      if (narrowed.length === 1) return { candidates, round: past.round };
    }
  }
  return { candidates, round: 0 };
}
