/**
 * Types of the seat-sharing pact engine. Raw input (`PactInput`) is what a pact file holds once its
 * shape is checked; `Pact` is the same after semantic validation, with branded ids and indices, so
 * that a race id can never be passed where a member id is expected.
 */

export type MemberId = string & { readonly __brand: 'MemberId' };
export type RaceId = string & { readonly __brand: 'RaceId' };

export type ApportionmentMethod = 'sainte-lague' | 'dhondt' | 'hare';
/** What the apportionment shares out: the number of races, or the pact's expected wins. */
export type ApportionBasis = 'races' | 'expectedWins';
export type EntitlementMode = 'enforce' | 'report';
export type PresetRule = 'incumbent' | 'strongest';

export interface PactInput {
  members: { id: string; weight: number; position?: number | undefined }[];
  races: {
    id: string;
    seats?: number | undefined;
    votes: Record<string, number>;
    incumbent?: string | undefined;
  }[];
  apportionment?: ApportionmentMethod | undefined;
  apportionBy?: ApportionBasis | undefined;
  transfer?: { sameSide: number; crossSide: number } | undefined;
  /** Standard deviation of the final margin, as a share of the votes cast in the race. */
  uncertainty?: number | undefined;
  entitlement?: EntitlementMode | undefined;
  tierBalance?: boolean | undefined;
  /** Margin (share of votes) beyond which a race is safe (above) or difficult (below minus it). */
  tierMargin?: number | undefined;
  presets?: (PresetRule | { rule: PresetRule; races?: string[] | undefined })[] | undefined;
  locks?: { race: string; member: string }[] | undefined;
  vetoes?: { race: string; member: string }[] | undefined;
}

export const defaultSettings = {
  apportionment: 'sainte-lague',
  apportionBy: 'races',
  transfer: { sameSide: 0.8, crossSide: 0.3 },
  uncertainty: 0.08,
  entitlement: 'enforce',
  tierBalance: false,
  tierMargin: 0.05,
} as const;

export interface Member {
  readonly id: MemberId;
  readonly weight: number;
  /** Self-declared left–right position in [-1, 1]; undefined when the member declares none. */
  readonly position: number | undefined;
}

export interface Race {
  readonly id: RaceId;
  readonly seats: number;
  /** Past votes of each member, indexed like `Pact.members` (0 when absent). */
  readonly memberVotes: readonly number[];
  /** Votes of the strongest single opponent (a `votes` key that is not a member id). */
  readonly strongestOpponent: number;
  readonly totalVotes: number;
  readonly incumbent: string | undefined;
}

/** A lock or veto pointing at indices; `path` names where it came from (e.g. `locks[3]`). */
export interface RaceMemberRule {
  readonly race: number;
  readonly member: number;
  readonly path: string;
}

export interface PresetSpec {
  readonly rule: PresetRule;
  /** Race indices the preset applies to; undefined means every race. */
  readonly races: readonly number[] | undefined;
  readonly path: string;
}

export interface PactSettings {
  readonly apportionment: ApportionmentMethod;
  readonly apportionBy: ApportionBasis;
  readonly transfer: { readonly sameSide: number; readonly crossSide: number };
  readonly uncertainty: number;
  readonly entitlement: EntitlementMode;
  readonly tierBalance: boolean;
  readonly tierMargin: number;
}

/**
 * A validated pact. Members and races are sorted by id so that the result never depends on the
 * order of the input file; every index below refers to these sorted arrays.
 */
export interface Pact {
  readonly members: readonly Member[];
  readonly races: readonly Race[];
  readonly settings: PactSettings;
  readonly locks: readonly RaceMemberRule[];
  readonly vetoes: readonly RaceMemberRule[];
  readonly presets: readonly PresetSpec[];
}

/** Why a race went to its member (or stayed open); turned into the race's explanation line. */
export type Provenance =
  | { kind: 'lock'; source: 'file'; path: string }
  | { kind: 'lock'; source: 'incumbent' | 'strongest'; path: string }
  | { kind: 'pick'; turn: number }
  | { kind: 'fill' }
  | { kind: 'repair'; from: number | null }
  | { kind: 'move'; from: number; gain: number }
  | { kind: 'envy'; from: number }
  | { kind: 'swap'; from: number; otherRace: number; gain: number }
  | { kind: 'exact' }
  /** Given, not computed: an earlier allocation kept as it was (a hand swap elsewhere). */
  | { kind: 'kept' }
  | { kind: 'open'; reason: 'all-vetoed' | 'no-room' | 'wef1' };

export interface Allocation {
  /** Member index per race, -1 when the race is left open. */
  readonly owner: Int32Array;
  readonly provenance: readonly Provenance[];
}

export interface MemberReport {
  entitlement: number;
  apportioned: number;
  seats: number;
  expectedWins: number;
  weight: number;
  tiers?: { safe: number; contested: number; difficult: number };
}

export interface AllocationReport {
  assignments: Record<string, string | null>;
  members: Record<string, MemberReport>;
  fairness: {
    entitlementWithinOne: boolean;
    wef1: boolean;
    /** Pairs (envious, envied) that break WEF1; empty when `wef1` is true. */
    wef1Violations: { envious: string; envied: string }[];
    /** Members outside their entitlement by more than one. */
    entitlementViolations: string[];
  };
  expectedWins: { pact: number; noPact: number };
  explanations: Record<string, string>;
  solver: {
    /** `manual`: an allocation given by hand (a swap) and checked, not searched. */
    mode: 'heuristic' | 'exact' | 'manual';
    objective: number;
    gapToExact: number | null;
    heuristicObjective: number;
    exactObjective: number | null;
    apportionment: ApportionmentMethod;
    apportionBy: ApportionBasis;
    /** Exact mode only: the best objective without WEF1 (the first, unconstrained solve). */
    unconstrainedObjective?: number;
    /** Exact mode only: expected wins given up for WEF1 (unconstrainedObjective − objective). */
    fairnessCost?: number;
    /** Exact mode only: member pairs whose WEF1 rows had to be added before none was broken. */
    wef1Rows?: number;
    /** Exact mode only: false when the hard rules leave no WEF1 allocation (the optimum is kept). */
    wef1Enforced?: boolean;
    /**
     * Exact mode only: false when the time ran out before the best fair allocation was proven; the
     * unconstrained optimum still bounds the shortfall.
     */
    provenOptimal?: boolean;
  };
}
