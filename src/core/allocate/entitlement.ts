import { apportion, quotas } from './apportion.ts';
import type { HardRules } from './rules.ts';
import { classifyTiers, tierNames } from './tiers.ts';
import type { RaceValues } from './transfer.ts';
import type { Pact } from './types.ts';

/**
 * A set of races whose count per member is bounded: all races, or one tier when tiers are
 * balanced. `lo`/`hi` are the hard bounds (apportioned ± 1, or 0..∞ when only reported).
 */
export interface CountGroup {
  readonly label: string;
  readonly quota: readonly number[];
  readonly apportioned: readonly number[];
  readonly lo: readonly number[];
  readonly hi: readonly number[];
}

export interface Entitlement {
  readonly groups: readonly CountGroup[];
  /** Group indices each race counts in (empty for closed races). */
  readonly groupsOfRace: readonly (readonly number[])[];
  /** 0 safe, 1 contested, 2 difficult; only meaningful when tiers are balanced. */
  readonly tier: Int8Array;
}

/**
 * Apportions the races that can be assigned (those not closed by vetoes). With tier balance each
 * tier is apportioned on its own and a member's overall figure is the sum over tiers, so the
 * overall and per-tier bounds can always hold together. With `apportionBy: expectedWins` there is
 * no count bound: the entitlement is a share of the pact's expected wins (see `outsideShareOfWins`).
 */
export function computeEntitlement(pact: Pact, rules: HardRules, values: RaceValues): Entitlement {
  const weights = pact.members.map((member) => member.weight);
  const { apportionment, entitlement, tierBalance, apportionBy } = pact.settings;
  const tier = tierBalance
    ? classifyTiers(values, pact.races.length, pact.settings.tierMargin)
    : new Int8Array(pact.races.length).fill(1);
  const open = pact.races.map((_, race) => rules.closed[race] === 0);
  const enforce = entitlement === 'enforce';
  const group = (label: string, house: number, apportioned: number[]): CountGroup => ({
    label,
    quota: quotas(weights, house),
    apportioned,
    lo: apportioned.map((count) => (enforce ? Math.max(0, count - 1) : 0)),
    hi: apportioned.map((count) => (enforce ? count + 1 : Number.POSITIVE_INFINITY)),
  });
  const groups: CountGroup[] = [];
  const tierGroups: number[] = [];
  if (tierBalance) {
    const perTier = tierNames.map((name, index) => {
      const house = open.filter((isOpen, race) => isOpen && tier[race] === index).length;
      return group(`${name} races`, house, apportion(weights, house, apportionment));
    });
    const house = open.filter(Boolean).length;
    const summed = weights.map((_, member) =>
      perTier.reduce((sum, g) => sum + (g.apportioned[member] ?? 0), 0),
    );
    if (apportionBy === 'races') groups.push(group('races', house, summed));
    for (const g of perTier) tierGroups.push(groups.push(g) - 1);
  } else if (apportionBy === 'races') {
    const house = open.filter(Boolean).length;
    groups.push(group('races', house, apportion(weights, house, apportionment)));
  }
  const overall = apportionBy === 'races' ? [0] : [];
  const groupsOfRace = open.map((isOpen, race) => {
    if (!isOpen) return [];
    const tierGroup = tierGroups[tier[race] ?? 1];
    return tierGroup === undefined ? overall : [...overall, tierGroup];
  });
  return { groups, groupsOfRace, tier };
}

/**
 * Entitlement by expected wins: each member's expected wins within one of its weight share of
 * the pact's total. Returns the members outside that band.
 */
export function outsideShareOfWins(weights: readonly number[], wins: readonly number[]): number[] {
  const entitled = quotas(
    weights,
    wins.reduce((sum, w) => sum + w, 0),
  );
  return wins.flatMap((w, member) => (Math.abs(w - (entitled[member] ?? 0)) > 1 + 1e-9 ? [member] : []));
}
