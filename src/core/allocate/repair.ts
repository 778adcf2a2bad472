import type { Entitlement } from './entitlement.ts';
import { hasRoom } from './picking.ts';
import { type HardRules, infeasible } from './rules.ts';
import type { AllocationState } from './state.ts';
import type { Pact } from './types.ts';

/**
 * Raises every member to its entitlement floor. A member below its floor takes a race from an
 * open slot or from a member that can spare one; if none can, the search follows a chain (A takes
 * from B, B takes from C, …) breadth first: an augmenting path in the flow network
 * races → members with per-member lower bounds. With a single count group that search is
 * complete, so its failure proves the locks, vetoes and floors infeasible; with tier groups it is
 * best effort and a remaining shortfall is reported, not thrown.
 */
export function repairFloors(
  state: AllocationState,
  pact: Pact,
  rules: HardRules,
  entitlement: Entitlement,
): void {
  const exact = entitlement.groups.length === 1;
  entitlement.groups.forEach((group, g) => {
    pact.members.forEach((member, m) => {
      while (state.count(g, m) < (group.lo[m] ?? 0)) {
        const reached = augment(state, pact, rules, entitlement, g, m);
        if (reached === true) continue;
        if (!exact) return;
        throw infeasible([
          {
            member: member.id,
            constraints: [
              `entitlement of "${member.id}"`,
              ...pact.vetoes.filter((veto) => reached.includes(veto.member)).map((veto) => veto.path),
            ],
            reason: `"${member.id}" cannot reach its floor of ${group.lo[m]} ${group.label}: the races it may take are all needed by ${describe(pact, reached, m)} to reach their own floors`,
          },
        ]);
      }
    });
  });
}

function describe(pact: Pact, members: number[], self: number): string {
  const others = members.filter((member) => member !== self).map((member) => `"${pact.members[member]?.id}"`);
  return others.length > 0 ? others.join(', ') : 'other members';
}

/** One augmenting step for member `start` in group `g`: true, or the members the search reached. */
function augment(
  state: AllocationState,
  pact: Pact,
  rules: HardRules,
  entitlement: Entitlement,
  g: number,
  start: number,
): true | number[] {
  const n = pact.members.length;
  const parent = new Map<number, { taker: number; race: number }>([[start, { taker: -1, race: -1 }]]);
  const queue = [start];
  const canSpare = (owner: number, race: number) =>
    (entitlement.groupsOfRace[race] ?? []).every(
      (group) => state.count(group, owner) - 1 >= (entitlement.groups[group]?.lo[owner] ?? 0),
    );
  for (let head = 0; head < queue.length; head += 1) {
    const taker = queue[head] ?? start;
    for (let race = 0; race < pact.races.length; race += 1) {
      if (!(entitlement.groupsOfRace[race] ?? []).includes(g)) continue;
      if (rules.lockedTo[race] !== -1 || rules.vetoed[race * n + taker] === 1) continue;
      const owner = state.owner[race] ?? -1;
      if (owner === taker || !hasRoom(state, entitlement, race, taker)) continue;
      if (owner === -1 || canSpare(owner, race)) {
        applyPath(state, parent, taker, race);
        return true;
      }
      if (!parent.has(owner)) {
        parent.set(owner, { taker, race });
        queue.push(owner);
      }
    }
  }
  return queue;
}

function applyPath(
  state: AllocationState,
  parent: Map<number, { taker: number; race: number }>,
  lastTaker: number,
  lastRace: number,
): void {
  let taker = lastTaker;
  let race = lastRace;
  for (;;) {
    const from = state.owner[race] ?? -1;
    state.set(race, taker, { kind: 'repair', from: from === -1 ? null : from });
    const step = parent.get(taker);
    if (step === undefined || step.taker === -1) return;
    race = step.race;
    taker = step.taker;
  }
}
