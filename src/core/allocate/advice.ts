import { allocate } from './engine.ts';
import { type PreparedPact, preparePact } from './prepare.ts';
import type { AllocationReport, PactInput } from './types.ts';

/** A rule of the pact whose price is measured by running the engine without it. */
export type PricedRule = 'entitlement' | 'locks' | 'vetoes';

export interface RulePrice {
  rule: PricedRule;
  /** How many locks or vetoes the pact has (entitlement: 1). */
  count: number;
  /** The heuristic's expected wins without the rule (entitlement: each race to its best allowed member). */
  withoutIt: number;
  /** Expected wins the rule costs against the heuristic with every rule, never below 0. */
  cost: number;
}

/** One lock or veto that keeps a race from the member most likely to win it. */
export interface CostlyRule {
  kind: 'lock' | 'veto';
  race: string;
  /** The member locked there, or vetoed there. */
  member: string;
  /** Who is most likely to win the race when the rule is lifted, and what that gains. */
  best: string;
  gain: number;
}

/** A race the coalition is less likely to win with this pact than with every member running. */
export interface RaceBelowNoPact {
  race: string;
  member: string | null;
  pact: number;
  noPact: number;
}

/**
 * Plain advice on a pact's version: does it win more than no pact, what each rule costs, and what
 * would fix a loss. Figures, not sentences: the web app names members and races.
 */
export interface PactAdvice {
  pactWins: number;
  noPactWins: number;
  /** pactWins − noPactWins: negative when the pact loses expected wins against no pact. */
  difference: number;
  /** The heuristic with every rule: the baseline the prices are measured against. */
  heuristicWins: number;
  /** Each race to its strongest allowed member (locks and vetoes kept, no share rule): the ceiling. */
  ceilingWins: number;
  prices: RulePrice[];
  /** Exact versions: what WEF1 cost against the unconstrained optimum (null otherwise). */
  fairnessCost: number | null;
  costlyRules: CostlyRule[];
  racesBelowNoPact: RaceBelowNoPact[];
  fixes: Fix[];
}

export type Fix =
  | { kind: 'leave-out'; races: string[]; gain: number }
  | { kind: 'share-by-expected-wins'; gain: number }
  | { kind: 'report-entitlement'; gain: number }
  | { kind: 'lift-rule'; rule: CostlyRule };

const shown = 5;
const tolerance = 1e-9;

/**
 * Re-runs the heuristic without the locks, without the vetoes and without the share rule, and
 * compares each with the heuristic under every rule: the difference is what that rule costs.
 */
export function adviseOnPact(input: PactInput, report: AllocationReport): PactAdvice {
  const prepared = preparePact(input);
  const heuristicWins = allocate(input).expectedWins.pact;
  const objective = (variant: PactInput) => {
    try {
      return allocate(variant).expectedWins.pact;
    } catch {
      // A variant that cannot be allocated has no price to show.
      return heuristicWins;
    }
  };
  const ceilingWins = ceiling(prepared);
  const price = (rule: PricedRule, count: number, withoutIt: number): RulePrice => ({
    rule,
    count,
    withoutIt,
    cost: Math.max(0, withoutIt - heuristicWins),
  });
  const lockCount = (input.locks?.length ?? 0) + (input.presets?.length ?? 0);
  const vetoCount = input.vetoes?.length ?? 0;
  const prices = [
    price('entitlement', 1, ceilingWins),
    ...(lockCount > 0 ? [price('locks', lockCount, objective({ ...input, locks: [], presets: [] }))] : []),
    ...(vetoCount > 0 ? [price('vetoes', vetoCount, objective({ ...input, vetoes: [] }))] : []),
  ];
  const costlyRules = costlyRulesOf(prepared);
  const racesBelowNoPact = racesBelow(prepared, report);
  const pactWins = report.expectedWins.pact;
  const noPactWins = report.expectedWins.noPact;
  return {
    pactWins,
    noPactWins,
    difference: pactWins - noPactWins,
    heuristicWins,
    ceilingWins,
    prices,
    fairnessCost: report.solver.fairnessCost ?? null,
    costlyRules,
    racesBelowNoPact,
    fixes: fixesFor(prepared, { pactWins, noPactWins, ceilingWins, prices, costlyRules, racesBelowNoPact }),
  };
}

/** The best allowed member's value in each race (the locked one where locked), summed. */
function ceiling({ pact, rules, values }: PreparedPact): number {
  const n = pact.members.length;
  let total = 0;
  pact.races.forEach((_, race) => {
    if (rules.closed[race] === 1) return;
    const locked = rules.lockedTo[race] ?? -1;
    if (locked !== -1) {
      total += values.value[race * n + locked] ?? 0;
      return;
    }
    let best = 0;
    for (let member = 0; member < n; member += 1) {
      if (rules.vetoed[race * n + member] === 1) continue;
      best = Math.max(best, values.value[race * n + member] ?? 0);
    }
    total += best;
  });
  return total;
}

/** The member with the highest value in a race, skipping one member and the vetoed (or not). */
function bestIn(prepared: PreparedPact, race: number, skip: number, honourVetoes: boolean) {
  const { pact, rules, values } = prepared;
  const n = pact.members.length;
  let best = -1;
  for (let member = 0; member < n; member += 1) {
    if (member === skip || (honourVetoes && rules.vetoed[race * n + member] === 1)) continue;
    if (best === -1 || (values.value[race * n + member] ?? 0) > (values.value[race * n + best] ?? 0))
      best = member;
  }
  return best;
}

/** Locks and vetoes that keep a race from its strongest member, costliest first. */
function costlyRulesOf(prepared: PreparedPact): CostlyRule[] {
  const { pact, values } = prepared;
  const n = pact.members.length;
  const id = (member: number) => pact.members[member]?.id as string;
  const value = (race: number, member: number) => values.value[race * n + member] ?? 0;
  const found: CostlyRule[] = [];
  for (const lock of pact.locks) {
    const best = bestIn(prepared, lock.race, lock.member, true);
    const gain = best === -1 ? 0 : value(lock.race, best) - value(lock.race, lock.member);
    if (gain > tolerance) {
      found.push({
        kind: 'lock',
        race: pact.races[lock.race]?.id as string,
        member: id(lock.member),
        best: id(best),
        gain,
      });
    }
  }
  for (const veto of pact.vetoes) {
    const others = bestIn(prepared, veto.race, veto.member, true);
    const gain = value(veto.race, veto.member) - (others === -1 ? 0 : value(veto.race, others));
    if (gain > tolerance) {
      found.push({
        kind: 'veto',
        race: pact.races[veto.race]?.id as string,
        member: id(veto.member),
        best: id(veto.member),
        gain,
      });
    }
  }
  return found.sort((a, b) => b.gain - a.gain || a.race.localeCompare(b.race)).slice(0, shown);
}

/** Races where the pact's candidate is less likely to win than the members running apart. */
function racesBelow(prepared: PreparedPact, report: AllocationReport): RaceBelowNoPact[] {
  const { pact, values } = prepared;
  const n = pact.members.length;
  const index = new Map(pact.members.map((member, at) => [member.id as string, at]));
  const below: RaceBelowNoPact[] = [];
  pact.races.forEach((race, at) => {
    const member = report.assignments[race.id] ?? null;
    const owner = member === null ? -1 : (index.get(member) ?? -1);
    const withPact = owner === -1 ? 0 : (values.value[at * n + owner] ?? 0);
    const apart = prepared.noPact[at] ?? 0;
    if (withPact < apart - tolerance) below.push({ race: race.id, member, pact: withPact, noPact: apart });
  });
  return below.sort((a, b) => b.noPact - b.pact - (a.noPact - a.pact) || a.race.localeCompare(b.race));
}

function fixesFor(
  prepared: PreparedPact,
  figures: {
    pactWins: number;
    noPactWins: number;
    ceilingWins: number;
    prices: RulePrice[];
    costlyRules: CostlyRule[];
    racesBelowNoPact: RaceBelowNoPact[];
  },
): Fix[] {
  const fixes: Fix[] = [];
  const { settings } = prepared.pact;
  // Races where even the strongest member does worse than everyone running apart: leave them out.
  const hopeless = figures.racesBelowNoPact.filter((race) => {
    const at = prepared.pact.races.findIndex((r) => r.id === race.race);
    const best = bestIn(prepared, at, -1, true);
    const n = prepared.pact.members.length;
    return best === -1 || (prepared.values.value[at * n + best] ?? 0) < race.noPact - tolerance;
  });
  if (hopeless.length > 0) {
    fixes.push({
      kind: 'leave-out',
      races: hopeless.slice(0, shown).map((race) => race.race),
      gain: hopeless.reduce((sum, race) => sum + race.noPact - race.pact, 0),
    });
  }
  const entitlement = figures.prices.find((p) => p.rule === 'entitlement');
  if (entitlement && entitlement.cost > 0.05) {
    if (settings.apportionBy === 'races')
      fixes.push({ kind: 'share-by-expected-wins', gain: entitlement.cost });
    else if (settings.entitlement === 'enforce')
      fixes.push({ kind: 'report-entitlement', gain: entitlement.cost });
  }
  for (const rule of figures.costlyRules.slice(0, 3)) fixes.push({ kind: 'lift-rule', rule });
  return fixes;
}
