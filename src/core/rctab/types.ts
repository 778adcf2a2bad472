import type { JavaDecimal } from './java-decimal.ts';

/** RCTab's labels, as they appear in its reports. */
export const UWI_LABEL = 'Undeclared Write-ins';
export const OVERVOTE_LABEL = 'overvote';

export type WinnerMode =
  | 'singleWinnerMajority'
  | 'multiWinnerAllowOnlyOneWinnerPerRound'
  | 'multiWinnerAllowMultipleWinnersPerRound'
  | 'bottomsUp'
  | 'bottomsUpUsingPercentageThreshold'
  | 'multiPassIrv';

export type TiebreakMode =
  | 'random'
  | 'stopCountingAndAsk'
  | 'previousRoundCountsThenRandom'
  | 'previousRoundCountsThenAsk'
  | 'useCandidateOrder'
  | 'generatePermutation';

export type OvervoteRule = 'alwaysSkipToNextRank' | 'exhaustImmediately' | 'exhaustIfMultipleContinuing';

export type Slice = 'precinct' | 'batch';

/** The tabulation rules of an RCTab config, parsed and validated. */
export interface RctabRules {
  numberOfWinners: number;
  winnerMode: WinnerMode;
  tiebreakMode: TiebreakMode;
  randomSeed: bigint | null;
  overvoteRule: OvervoteRule;
  /** Infinity for "unlimited". */
  maxSkippedRanksAllowed: number;
  /** Infinity for "max". */
  maxRankingsAllowed: number;
  decimalPlaces: number;
  nonIntegerWinningThreshold: boolean;
  firstRoundDeterminesThreshold: boolean;
  hareQuota: boolean;
  batchElimination: boolean;
  cutoffElimination: boolean;
  continueUntilTwoCandidatesRemain: boolean;
  /** Infinity when not set. */
  stopTabulationEarlyAfterRound: number;
  exhaustOnDuplicateCandidate: boolean;
  /** The percentage as a fraction (e.g. 0.15), bottoms-up-by-percentage only. */
  bottomsUpPercentageThreshold: JavaDecimal | null;
  /** The raw percentage text, as the CSV's "Number to be Elected" prints it. */
  bottomsUpPercentageText: string;
}

/** What the tabulator needs of the contest: candidates, aliases, exclusions, slices. */
export interface RctabContest {
  /** Declared candidate names in config order, plus UWI_LABEL when any source declares write-ins. */
  candidateNames: readonly string[];
  excluded: ReadonlySet<string>;
  /** name or alias → name (UWI_LABEL maps to itself). */
  nameForAlias: ReadonlyMap<string, string>;
  /** The tiebreak order: declared names in config order (shuffled for generatePermutation). */
  candidatePermutation: readonly string[];
  slices: readonly Slice[];
  rules: RctabRules;
  /** Supplies operator choices for interactive tiebreaks. */
  askTiebreak?: (question: TiebreakQuestion) => string;
}

export interface TiebreakQuestion {
  round: number;
  selectingWinner: boolean;
  candidates: readonly string[];
  votes: string;
}

/** One cast vote record as a reader produces it. */
export interface RctabCvr {
  /** RCTab's computed id (file + index) or the supplied id. */
  id: string;
  suppliedId: string | null;
  contestId: string | null;
  tabulatorId: string | null;
  precinct: string | null;
  precinctPortion: string | null;
  batch: string | null;
  /** Rankings sorted by rank; each rank holds one or more candidate strings (names or aliases). */
  rankings: ReadonlyArray<readonly [rank: number, candidates: readonly string[]]>;
}

export type BallotStatus =
  | 'active'
  | 'didNotRankAnyCandidates'
  | 'exhaustedChoices'
  | 'overvotes'
  | 'skippedRankings'
  | 'repeatedRankings'
  | 'finalRoundSurplus';

export const INACTIVE_STATUSES: ReadonlySet<BallotStatus> = new Set([
  'didNotRankAnyCandidates',
  'exhaustedChoices',
  'overvotes',
  'skippedRankings',
  'repeatedRankings',
]);

export interface TallyDecision {
  candidate: string;
  kind: 'elected' | 'eliminated';
  byTiebreak: boolean;
}
