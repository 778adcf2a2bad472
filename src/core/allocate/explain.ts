import { presetLabel } from './rules.ts';
import type { Pact, Provenance } from './types.ts';

export interface ExplainContext {
  readonly pact: Pact;
  readonly probability: Float64Array;
  readonly vetoed: Uint8Array;
  readonly notes: readonly (readonly string[])[];
  /** The coalition's win probability in each race without a pact. */
  readonly noPactProbability: readonly number[];
  /** Per member: held (races or expected wins, whichever is apportioned) and its entitlement. */
  readonly standing: readonly { held: number; entitlement: number; unit: string }[];
}

const p2 = (value: number) => value.toFixed(2);

/** One line per race: who runs and at what odds, against whom, why, and where that leaves the member. */
export function explainRace(
  context: ExplainContext,
  race: number,
  owner: number,
  provenance: Provenance,
): string {
  const { pact } = context;
  const notes = context.notes[race] ?? [];
  const suffix = notes.length > 0 ? `; ${notes.join('; ')}` : '';
  if (owner === -1) {
    const why =
      provenance.kind === 'kept'
        ? 'as in the allocation it was kept from'
        : provenance.kind === 'open' && provenance.reason === 'all-vetoed'
          ? 'every member is vetoed here'
          : provenance.kind === 'open' && provenance.reason === 'wef1'
            ? 'giving it to any member would leave another member envying that one beyond one race (WEF1)'
            : "giving it to any member allowed here would break that member's entitlement bound";
    return `left open: ${why}${suffix}`;
  }
  const n = pact.members.length;
  const name = pact.members[owner]?.id ?? String(owner);
  const odds = `${name}: ${p2(context.probability[race * n + owner] ?? 0)} chance to win`;
  const standing = context.standing[owner];
  const position =
    standing === undefined
      ? ''
      : `; ${name} holds ${round(standing.held)} ${standing.held === 1 ? standing.unit.replace(/s$/, '') : standing.unit} for a share of ${round(standing.entitlement)} (${standing.held < standing.entitlement - 1e-9 ? 'below' : standing.held > standing.entitlement + 1e-9 ? 'above' : 'at'} its share)`;
  return `${odds}${runnerUp(context, race, owner)}; ${p2(context.noPactProbability[race] ?? 0)} for the coalition with no pact; ${reason(pact, provenance)}${position}${suffix}`;
}

function runnerUp(context: ExplainContext, race: number, owner: number): string {
  const n = context.pact.members.length;
  let best = -1;
  for (let member = 0; member < n; member += 1) {
    if (member === owner || context.vetoed[race * n + member] === 1) continue;
    if (
      best === -1 ||
      (context.probability[race * n + member] ?? 0) > (context.probability[race * n + best] ?? 0)
    ) {
      best = member;
    }
  }
  if (best === -1) return ' (no other member may run here)';
  return ` against ${p2(context.probability[race * n + best] ?? 0)} for ${context.pact.members[best]?.id}`;
}

function reason(pact: Pact, provenance: Provenance): string {
  const member = (index: number | null) => (index === null ? 'the open races' : `${pact.members[index]?.id}`);
  switch (provenance.kind) {
    case 'lock':
      // No rule path (`locks[3]`): the pact file's order means nothing to a reader; the app names
      // who locked it and when.
      return provenance.source === 'file'
        ? 'locked to this member'
        : `locked to this member: ${presetLabel[provenance.source]}`;
    case 'pick':
      return `taken on this member's turn (turn ${provenance.turn} in the order of shares): the race it was likeliest to win among those left`;
    case 'fill':
      return 'given to the member likeliest to win it among those with room left';
    case 'repair':
      return `taken from ${member(provenance.from)} so that every member gets at least its share less one`;
    case 'envy':
      return `taken from ${member(provenance.from)} so that no member envies another beyond one race (WEF1)`;
    case 'move':
      return `moved from ${member(provenance.from)}: ${provenance.gain.toFixed(2)} more expected wins for the coalition`;
    case 'swap':
      return `swapped with ${member(provenance.from)} for race "${pact.races[provenance.otherRace]?.id}": ${provenance.gain.toFixed(2)} more expected wins for the coalition`;
    case 'exact':
      return 'chosen by the exact solver: the most expected wins a fair pact can have';
    case 'kept':
      return 'kept from the allocation it was given';
    case 'open':
      return 'left open';
  }
}

const round = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(2));
