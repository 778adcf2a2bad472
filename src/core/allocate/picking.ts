import { claimsBefore } from './apportion.ts';
import type { Entitlement } from './entitlement.ts';
import { RaceHeap } from './race-heap.ts';
import type { HardRules } from './rules.ts';
import type { AllocationState } from './state.ts';
import type { Pact } from './types.ts';

/** One run of the picking sequence: its races, and the count group whose targets end each member's turns. */
interface Phase {
  races: number[];
  group: number | undefined;
}

/**
 * The weighted picking sequence: locks first, then, in the apportionment's order (the member with
 * the strongest claim weight / divisor(races held) goes next), each member picks its most valuable
 * remaining race until it reaches its apportioned count. With tier balance, each tier runs its own
 * sequence; when expected wins are apportioned, a member's claim is weight / (expected wins + δ).
 * Returns nothing: it fills `state`.
 */
export function runPickingSequence(
  state: AllocationState,
  pact: Pact,
  rules: HardRules,
  entitlement: Entitlement,
) {
  rules.lockedTo.forEach((member, race) => {
    const source = rules.lockSource[race];
    if (member !== -1 && source !== undefined) state.set(race, member, source);
  });
  let turn = 0;
  for (const phase of phases(pact, rules, entitlement)) {
    turn = runPhase(state, pact, rules, entitlement, phase, turn);
  }
}

function phases(pact: Pact, rules: HardRules, entitlement: Entitlement): Phase[] {
  const free = pact.races
    .map((_, race) => race)
    .filter((race) => rules.closed[race] === 0 && rules.lockedTo[race] === -1);
  const countByRaces = pact.settings.apportionBy === 'races';
  if (!pact.settings.tierBalance) return [{ races: free, group: countByRaces ? 0 : undefined }];
  const firstTierGroup = countByRaces ? 1 : 0;
  return [0, 1, 2].map((tier) => ({
    races: free.filter((race) => entitlement.tier[race] === tier),
    group: firstTierGroup + tier,
  }));
}

function runPhase(
  state: AllocationState,
  pact: Pact,
  rules: HardRules,
  entitlement: Entitlement,
  phase: Phase,
  firstTurn: number,
): number {
  const n = pact.members.length;
  const weights = pact.members.map((member) => member.weight);
  const method = pact.settings.apportionment;
  const choices = pact.members.map(
    (_, member) =>
      new RaceHeap(
        phase.races.filter((race) => rules.vetoed[race * n + member] === 0),
        state.value,
        n,
        member,
      ),
  );
  const nextChoice = (member: number): number => {
    const heap = choices[member];
    if (heap === undefined) return -1;
    while (heap.peek() !== -1 && state.owner[heap.peek()] !== -1) heap.pop();
    return heap.peek();
  };
  const group = phase.group;
  const target = group === undefined ? undefined : entitlement.groups[group]?.apportioned;
  const held = (member: number) => (group === undefined ? 0 : state.count(group, member));
  const delta = method === 'dhondt' ? 1 : 0.5;
  let turn = firstTurn;
  for (;;) {
    let best = -1;
    for (let member = 0; member < n; member += 1) {
      if (target !== undefined && held(member) >= (target[member] ?? 0)) continue;
      if (nextChoice(member) === -1) continue;
      if (best === -1) best = member;
      else if (target !== undefined) {
        const w = weights[member] ?? 0;
        const wb = weights[best] ?? 0;
        if (claimsBefore(method, w, held(member), member, wb, held(best), best)) best = member;
      } else if (
        (weights[member] ?? 0) / (state.wins(member) + delta) >
        (weights[best] ?? 0) / (state.wins(best) + delta)
      ) {
        best = member;
      }
    }
    if (best === -1) return turn;
    turn += 1;
    state.set(nextChoice(best), best, { kind: 'pick', turn });
  }
}

/**
 * Races still open after the sequence (a member ran out of allowed races) go to the member that
 * values them most among those with room under every count ceiling.
 */
export function fillOpenRaces(
  state: AllocationState,
  pact: Pact,
  rules: HardRules,
  entitlement: Entitlement,
) {
  const n = pact.members.length;
  pact.races.forEach((_, race) => {
    if (state.owner[race] !== -1) return;
    if (rules.closed[race] === 1) {
      state.set(race, -1, { kind: 'open', reason: 'all-vetoed' });
      return;
    }
    let best = -1;
    for (let member = 0; member < n; member += 1) {
      if (rules.vetoed[race * n + member] === 1 || !hasRoom(state, entitlement, race, member)) continue;
      if (best === -1 || (state.value[race * n + member] ?? 0) > (state.value[race * n + best] ?? 0))
        best = member;
    }
    state.set(race, best, best === -1 ? { kind: 'open', reason: 'no-room' } : { kind: 'fill' });
  });
}

export function hasRoom(
  state: AllocationState,
  entitlement: Entitlement,
  race: number,
  member: number,
): boolean {
  return (entitlement.groupsOfRace[race] ?? []).every(
    (group) =>
      state.count(group, member) + 1 <= (entitlement.groups[group]?.hi[member] ?? Number.POSITIVE_INFINITY),
  );
}
