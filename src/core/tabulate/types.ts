/**
 * Types of the tabulation engine. Inside the engine a candidate is an index into the candidate
 * list (fast typed-array counting); names appear only at the edges, as `CandidateName`.
 */
export type CandidateName = string & { readonly __brand: 'CandidateName' };
export const asCandidateName = (name: string): CandidateName => name as CandidateName;

/** Position of a candidate in `BallotStore.candidates`; never a count of votes. */
export type CandidateIndex = number & { readonly __brand: 'CandidateIndex' };

export const methods = ['plurality', 'approval', 'irv', 'stv', 'meek', 'schulze', 'bottoms-up'] as const;
export type Method = (typeof methods)[number];

export const overvoteRules = ['exhaust', 'skip', 'exhaust-if-multiple'] as const;
export type OvervoteRule = (typeof overvoteRules)[number];

export const duplicateRules = ['skip', 'exhaust'] as const;
export type DuplicateRule = (typeof duplicateRules)[number];

export const tiebreakRules = ['previous-round', 'random', 'order', 'stop'] as const;
export type TiebreakRule = (typeof tiebreakRules)[number];

export interface TabulationOptions {
  method: Method;
  seats: number;
  overvote: OvervoteRule;
  /** Consecutive blank ranks a ballot may skip before it exhausts; `null` is unlimited. */
  maxSkipped: number | null;
  duplicate: DuplicateRule;
  tiebreak: TiebreakRule;
  /** Seed of the random tiebreaks (also the fallback of `previous-round`). */
  seed: string;
  /** IRV, bottoms-up and Meek: eliminate together every candidate who cannot catch up. */
  batchElimination: boolean;
  /** IRV: keep eliminating after a majority until two candidates remain (RCTab option). */
  continueUntilTwo: boolean;
  /** Meek: decimal places of keep factors and transferred values. */
  precision: number;
}

export const defaultSeed = 'concord';

export const defaultOptions: TabulationOptions = {
  method: 'irv',
  seats: 1,
  overvote: 'exhaust',
  maxSkipped: null,
  duplicate: 'skip',
  tiebreak: 'previous-round',
  seed: defaultSeed,
  batchElimination: false,
  continueUntilTwo: false,
  precision: 9,
};

export type TiebreakPurpose = 'elimination' | 'election' | 'surplus' | 'ranking';

/** One tie the count had to break, and how. `chosen` is null when the rule was `stop`. */
export interface TiebreakRecord {
  round: number;
  purpose: TiebreakPurpose;
  tied: CandidateName[];
  rule: TiebreakRule;
  chosen: CandidateName | null;
  detail: string;
}

/** Whole-vote methods publish tallies as JSON numbers; STV and Meek as exact decimal strings. */
export type Tally = number | string;

export interface Round<T extends Tally = Tally> {
  round: number;
  tallies: Record<string, T>;
  exhausted: T;
  elected: CandidateName[];
  eliminated: CandidateName[];
  /** Sequential IRV: which seat this round fills (1-based). */
  pass?: number;
  /** STV, Meek: the quota of this round. */
  quota?: T;
  /** STV: value lost to the 5-decimal truncation so far (continuing + exhausted + lost = cast). */
  lost?: T;
  /** STV: whose surplus this round transferred. */
  surplusOf?: CandidateName;
  /** Meek: keep factors of the elected candidates at the end of the round, and iterations run. */
  keepFactors?: Record<string, string>;
  iterations?: number;
}

export type Outcome =
  | { kind: 'complete' }
  /** The `stop` tiebreak rule met a tie that decides the result: the count stopped there. */
  | { kind: 'tie'; round: number; purpose: TiebreakPurpose; tied: CandidateName[] };

export interface TabulationResult {
  method: Method;
  seats: number;
  candidates: CandidateName[];
  winners: CandidateName[];
  ranking: CandidateName[];
  rounds: Round[];
  tiebreaks: TiebreakRecord[];
  /** The candidate who beats every other head to head, if there is one (null for approval). */
  condorcetWinner: CandidateName | null;
  outcome: Outcome;
  /** Total weight of the ballots cast (tallies + exhausted [+ lost] of every round). */
  totalWeight: Tally;
  /** STV: the Droop quota; Meek: the final quota. */
  quota?: string;
  /** Schulze: pairwise preferences d[x][y] and strongest path strengths p[x][y]. */
  pairwise?: Record<string, Record<string, number>>;
  strongestPaths?: Record<string, Record<string, number>>;
}
