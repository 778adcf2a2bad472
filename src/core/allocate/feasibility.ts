import type { Entitlement } from './entitlement.ts';
import { type Collision, type HardRules, infeasible } from './rules.ts';
import type { Pact } from './types.ts';

const listed = 12;

/**
 * Rejects, before any search, the entitlement bounds that locks and vetoes make impossible: a
 * member locked into more races than its ceiling, or vetoed out of so many that it cannot reach
 * its floor. Subtler combinations (several members competing for the same few races) are caught
 * by the repair step, which proves them with an augmenting-path search.
 */
export function checkCountFeasibility(pact: Pact, rules: HardRules, entitlement: Entitlement): void {
  const n = pact.members.length;
  const collisions: Collision[] = [];
  entitlement.groups.forEach((group, groupIndex) => {
    const locked = new Array<number>(n).fill(0);
    const available = new Array<number>(n).fill(0);
    entitlement.groupsOfRace.forEach((groups, race) => {
      if (!groups.includes(groupIndex)) return;
      const lockedMember = rules.lockedTo[race] ?? -1;
      if (lockedMember !== -1) locked[lockedMember] = (locked[lockedMember] ?? 0) + 1;
      for (let member = 0; member < n; member += 1) {
        const free = lockedMember === -1 || lockedMember === member;
        if (free && rules.vetoed[race * n + member] === 0) available[member] = (available[member] ?? 0) + 1;
      }
    });
    pact.members.forEach((member, index) => {
      const hi = group.hi[index] ?? Number.POSITIVE_INFINITY;
      const lo = group.lo[index] ?? 0;
      const lockedCount = locked[index] ?? 0;
      const availableCount = available[index] ?? 0;
      if (lockedCount > hi) {
        collisions.push({
          member: member.id,
          constraints: [...lockPaths(rules, index, groupIndex, entitlement), `entitlement of "${member.id}"`],
          reason: `"${member.id}" is locked into ${lockedCount} ${group.label} but its entitlement allows at most ${hi}`,
        });
      }
      if (availableCount < lo) {
        collisions.push({
          member: member.id,
          constraints: [...vetoPaths(pact, index), `entitlement of "${member.id}"`],
          reason: `"${member.id}" must get at least ${lo} ${group.label} but vetoes and other members' locks leave it only ${availableCount}`,
        });
      }
    });
  });
  if (collisions.length > 0) throw infeasible(collisions);
}

function lockPaths(rules: HardRules, member: number, group: number, entitlement: Entitlement): string[] {
  const paths = new Set<string>();
  rules.lockedTo.forEach((owner, race) => {
    const source = rules.lockSource[race];
    if (owner === member && source !== undefined && entitlement.groupsOfRace[race]?.includes(group)) {
      paths.add(source.path);
    }
  });
  return capped([...paths]);
}

function vetoPaths(pact: Pact, member: number): string[] {
  return capped(pact.vetoes.filter((veto) => veto.member === member).map((veto) => veto.path));
}

function capped(paths: string[]): string[] {
  return paths.length <= listed ? paths : [...paths.slice(0, listed), `… ${paths.length - listed} more`];
}
