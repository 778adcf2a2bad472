import { apportion, quotas } from './apportion.ts';
import { outsideShareOfWins } from './entitlement.ts';
import { explainRace } from './explain.ts';
import type { PreparedPact } from './prepare.ts';
import { tierNames } from './tiers.ts';
import type { Allocation, AllocationReport, MemberReport } from './types.ts';
import { wef1Violations } from './wef1.ts';

export interface SolverSummary {
  mode: 'heuristic' | 'exact' | 'manual';
  heuristicObjective: number;
  exactObjective: number | null;
  /** Exact mode: the optimum without WEF1 and how many pairs' WEF1 rows the solver needed. */
  fairness?: {
    unconstrainedObjective: number;
    wef1Rows: number;
    wef1Enforced: boolean;
    provenOptimal: boolean;
  };
}

/** The coalition's expected wins under an allocation (the objective), summed in race order. */
export function objectiveOf(prepared: PreparedPact, owner: Int32Array): number {
  const n = prepared.pact.members.length;
  let total = 0;
  owner.forEach((member, race) => {
    if (member !== -1) total += prepared.values.value[race * n + member] ?? 0;
  });
  return total;
}

/**
 * Turns an allocation into the DESIGN.md report. Every figure is recomputed from the owners, and
 * the fairness flags come from checks run here, so a flag is true only when its check holds.
 */
export function buildReport(
  prepared: PreparedPact,
  allocation: Allocation,
  solver: SolverSummary,
): AllocationReport {
  const { pact, values, entitlement, rules } = prepared;
  const n = pact.members.length;
  const weights = pact.members.map((member) => member.weight);
  const seats = new Array<number>(n).fill(0);
  const wins = new Array<number>(n).fill(0);
  allocation.owner.forEach((member, race) => {
    if (member === -1) return;
    seats[member] = (seats[member] ?? 0) + 1;
    wins[member] = (wins[member] ?? 0) + (values.value[race * n + member] ?? 0);
  });
  const pactWins = objectiveOf(prepared, allocation.owner);
  const byWins = pact.settings.apportionBy === 'expectedWins';
  const overall = byWins ? undefined : entitlement.groups[0];
  const entitled = overall?.quota ?? quotas(weights, pactWins);
  const apportioned =
    overall?.apportioned ?? apportion(weights, Math.round(pactWins), pact.settings.apportionment);

  const countViolations = new Set<number>();
  entitlement.groups.forEach((group, g) => {
    const counts = new Array<number>(n).fill(0);
    allocation.owner.forEach((member, race) => {
      if (member !== -1 && entitlement.groupsOfRace[race]?.includes(g))
        counts[member] = (counts[member] ?? 0) + 1;
    });
    counts.forEach((count, member) => {
      if (Math.abs(count - (group.apportioned[member] ?? 0)) > 1) countViolations.add(member);
    });
  });
  if (byWins) for (const member of outsideShareOfWins(weights, wins)) countViolations.add(member);
  const violations = wef1Violations(allocation.owner, values.value, weights);
  const id = (member: number) => pact.members[member]?.id ?? String(member);

  const members: Record<string, MemberReport> = {};
  pact.members.forEach((member, index) => {
    const report: MemberReport = {
      entitlement: entitled[index] ?? 0,
      apportioned: apportioned[index] ?? 0,
      seats: seats[index] ?? 0,
      expectedWins: wins[index] ?? 0,
      weight: member.weight,
    };
    if (pact.settings.tierBalance) report.tiers = tierCounts(prepared, allocation.owner, index);
    members[member.id] = report;
  });

  const standing = pact.members.map((_, index) => ({
    held: byWins ? (wins[index] ?? 0) : (seats[index] ?? 0),
    entitlement: entitled[index] ?? 0,
    unit: byWins ? 'expected wins' : 'races',
  }));
  const noPactProbability = pact.races.map((race, index) => (prepared.noPact[index] ?? 0) / race.seats);
  const context = {
    pact,
    probability: values.probability,
    vetoed: rules.vetoed,
    notes: rules.notes,
    noPactProbability,
    standing,
  };
  const assignments: Record<string, string | null> = {};
  const explanations: Record<string, string> = {};
  pact.races.forEach((race, index) => {
    const owner = allocation.owner[index] ?? -1;
    assignments[race.id] = owner === -1 ? null : id(owner);
    explanations[race.id] = explainRace(
      context,
      index,
      owner,
      allocation.provenance[index] ?? { kind: 'exact' },
    );
  });

  const objective = solver.mode === 'exact' ? (solver.exactObjective ?? pactWins) : solver.heuristicObjective;
  const exact = solver.exactObjective;
  return {
    assignments,
    members,
    fairness: {
      entitlementWithinOne: countViolations.size === 0,
      wef1: violations.length === 0,
      wef1Violations: violations.map((pair) => ({ envious: id(pair.envious), envied: id(pair.envied) })),
      entitlementViolations: [...countViolations].sort((a, b) => a - b).map(id),
    },
    expectedWins: { pact: pactWins, noPact: prepared.noPact.reduce((sum, w) => sum + w, 0) },
    explanations,
    solver: {
      mode: solver.mode,
      objective,
      gapToExact: exact === null ? null : exact > 1e-9 ? (exact - solver.heuristicObjective) / exact : 0,
      heuristicObjective: solver.heuristicObjective,
      exactObjective: exact,
      apportionment: pact.settings.apportionment,
      apportionBy: pact.settings.apportionBy,
      ...(solver.fairness
        ? {
            unconstrainedObjective: solver.fairness.unconstrainedObjective,
            fairnessCost: Math.max(0, solver.fairness.unconstrainedObjective - objective),
            wef1Rows: solver.fairness.wef1Rows,
            wef1Enforced: solver.fairness.wef1Enforced,
            provenOptimal: solver.fairness.provenOptimal,
          }
        : {}),
    },
  };
}

function tierCounts(prepared: PreparedPact, owner: Int32Array, member: number) {
  const counts = { safe: 0, contested: 0, difficult: 0 };
  owner.forEach((holder, race) => {
    const tier = tierNames[prepared.entitlement.tier[race] ?? 1];
    if (holder === member && tier !== undefined) counts[tier] += 1;
  });
  return counts;
}
