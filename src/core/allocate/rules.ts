import { unprocessable } from '../errors.ts';
import type { Pact, PresetRule, Provenance } from './types.ts';

export type LockProvenance = Extract<Provenance, { kind: 'lock' }>;

/** A pair of constraints that cannot both hold, named by their paths in the pact file. */
export interface Collision {
  race?: string;
  member?: string;
  constraints: string[];
  reason: string;
}

/** Locks, vetoes and presets resolved into per-race facts the algorithms read in O(1). */
export interface HardRules {
  /** Member index each race is locked to, -1 when free. */
  readonly lockedTo: Int32Array;
  readonly lockSource: readonly (LockProvenance | undefined)[];
  /** vetoed[race * n + member] = 1 when the member may not run there. */
  readonly vetoed: Uint8Array;
  /** Races where every member is vetoed: they stay open. */
  readonly closed: Uint8Array;
  /** Per race: presets that could not apply, and why. */
  readonly notes: readonly string[][];
}

export function resolveRules(pact: Pact): HardRules {
  const n = pact.members.length;
  const raceCount = pact.races.length;
  const vetoed = new Uint8Array(raceCount * n);
  const vetoPath = new Map<number, string>();
  for (const veto of pact.vetoes) {
    vetoed[veto.race * n + veto.member] = 1;
    vetoPath.set(veto.race * n + veto.member, veto.path);
  }
  const lockedTo = new Int32Array(raceCount).fill(-1);
  const lockSource: (LockProvenance | undefined)[] = new Array(raceCount).fill(undefined);
  const notes: string[][] = pact.races.map(() => []);
  const collisions: Collision[] = [];
  const raceId = (race: number) => pact.races[race]?.id ?? String(race);
  const memberId = (member: number) => pact.members[member]?.id ?? String(member);

  for (const lock of pact.locks) {
    const veto = vetoPath.get(lock.race * n + lock.member);
    const current = lockedTo[lock.race] ?? -1;
    const source = lockSource[lock.race];
    if (veto !== undefined) {
      collisions.push({
        race: raceId(lock.race),
        member: memberId(lock.member),
        constraints: [lock.path, veto],
        reason: `race "${raceId(lock.race)}" is locked to "${memberId(lock.member)}", who is also vetoed there`,
      });
    } else if (current !== -1 && current !== lock.member && source !== undefined) {
      collisions.push({
        race: raceId(lock.race),
        constraints: [source.path, lock.path],
        reason: `race "${raceId(lock.race)}" is locked to both "${memberId(current)}" and "${memberId(lock.member)}"`,
      });
    } else {
      lockedTo[lock.race] = lock.member;
      lockSource[lock.race] = { kind: 'lock', source: 'file', path: lock.path };
    }
  }
  if (collisions.length > 0) throw infeasible(collisions);

  for (const preset of pact.presets) {
    const races = preset.races ?? pact.races.map((_, index) => index);
    for (const race of races) {
      if ((lockedTo[race] ?? -1) !== -1) continue;
      const member = presetMember(pact, preset.rule, race);
      if (member === undefined) continue;
      if (vetoed[race * n + member] === 1) {
        notes[race]?.push(
          `${presetLabel[preset.rule]} preset not applied: "${memberId(member)}" is vetoed here`,
        );
        continue;
      }
      lockedTo[race] = member;
      lockSource[race] = { kind: 'lock', source: preset.rule, path: preset.path };
    }
  }

  const closed = new Uint8Array(raceCount);
  for (let race = 0; race < raceCount; race += 1) {
    let allowed = 0;
    for (let member = 0; member < n; member += 1) if (vetoed[race * n + member] === 0) allowed += 1;
    if (allowed === 0) closed[race] = 1;
  }
  return { lockedTo, lockSource, vetoed, closed, notes };
}

export const presetLabel: Record<PresetRule, string> = {
  incumbent: 'incumbent keeps the seat',
  strongest: 'strongest member in the last election gets it',
};

function presetMember(pact: Pact, rule: PresetRule, raceIndex: number): number | undefined {
  const race = pact.races[raceIndex];
  if (race === undefined) return undefined;
  if (rule === 'incumbent') {
    const member = pact.members.findIndex((candidate) => candidate.id === race.incumbent);
    return member === -1 ? undefined : member;
  }
  let best: number | undefined;
  race.memberVotes.forEach((votes, member) => {
    if (votes > 0 && (best === undefined || votes > (race.memberVotes[best] ?? 0))) best = member;
  });
  return best;
}

export function infeasible(collisions: Collision[]) {
  const first = collisions[0];
  const more = collisions.length > 1 ? ` (and ${collisions.length - 1} more)` : '';
  return unprocessable(
    'pact.infeasible',
    `the pact cannot be satisfied: ${first?.reason ?? 'unknown'}${more}`,
    {
      collisions,
    },
  );
}
