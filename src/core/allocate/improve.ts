import type { Entitlement } from './entitlement.ts';
import { ChangeGuard } from './guards.ts';
import type { HardRules } from './rules.ts';
import type { AllocationState } from './state.ts';
import type { Pact } from './types.ts';

const minimumGain = 1e-9;
/** How many partners each race tries in a swap search before giving up; keeps a pass near-linear. */
const swapPartnersTried = 8;

/**
 * Local search after the picking sequence: moves (one race from member a to b) and swaps (a's race
 * for b's race) that raise the coalition's expected wins, accepted only when the `ChangeGuard`
 * says they keep entitlement and WEF1. A pair of members is searched again only when one of their
 * bundles changed since, so later passes are cheap. Stops when a pass finds nothing, or after
 * `maxPasses`.
 */
export function improveBySwaps(
  state: AllocationState,
  pact: Pact,
  rules: HardRules,
  entitlement: Entitlement,
  maxPasses = 50,
): void {
  const n = pact.members.length;
  const guard = new ChangeGuard(state, pact, entitlement);
  const version = new Int32Array(n).fill(1);
  const searched = new Int32Array(n * n * 2);
  for (let pass = 0; pass < maxPasses; pass += 1) {
    let improved = false;
    for (let a = 0; a < n; a += 1) {
      for (let b = 0; b < n; b += 1) {
        if (a === b) continue;
        const at = (a * n + b) * 2;
        if (searched[at] === version[a] && searched[at + 1] === version[b]) continue;
        const changed = searchPair(state, rules, guard, a, b);
        if (changed) {
          improved = true;
          version[a] = (version[a] ?? 0) + 1;
          version[b] = (version[b] ?? 0) + 1;
        }
        searched[at] = version[a] ?? 0;
        searched[at + 1] = version[b] ?? 0;
      }
    }
    if (!improved) return;
  }
}

/** Improving moves from a to b, then swaps between a and b. */
function searchPair(
  state: AllocationState,
  rules: HardRules,
  guard: ChangeGuard,
  a: number,
  b: number,
): boolean {
  const n = state.n;
  const value = state.value;
  const movable = (race: number, to: number) =>
    rules.lockedTo[race] === -1 && rules.vetoed[race * n + to] === 0;
  const gain = (race: number, from: number, to: number) =>
    (value[race * n + to] ?? 0) - (value[race * n + from] ?? 0);
  let changed = false;

  const moves = state
    .bundle(a)
    .filter((race) => movable(race, b) && gain(race, a, b) > minimumGain)
    .sort((x, y) => gain(y, a, b) - gain(x, a, b) || x - y);
  for (const race of moves) {
    const accepted = guard.tryApply([{ race, to: b }], () => ({
      kind: 'move',
      from: a,
      gain: gain(race, a, b),
    }));
    changed ||= accepted;
  }

  const fromA = state.bundle(a).filter((race) => movable(race, b));
  const fromB = state.bundle(b).filter((race) => movable(race, a));
  if (fromA.length === 0 || fromB.length === 0) return changed;
  const bestFromB = Math.max(...fromB.map((race) => gain(race, b, a)));
  const left = fromA
    .filter((race) => gain(race, a, b) + bestFromB > minimumGain)
    .sort((x, y) => gain(y, a, b) - gain(x, a, b) || x - y);
  if (left.length === 0) return changed;
  const right = fromB.sort((x, y) => gain(y, b, a) - gain(x, b, a) || x - y);
  const used = new Set<number>();
  for (const r of left) {
    let tried = 0;
    for (const s of right) {
      if (used.has(s)) continue;
      const total = gain(r, a, b) + gain(s, b, a);
      if (total <= minimumGain || tried >= swapPartnersTried) break;
      tried += 1;
      const swap = [
        { race: r, to: b },
        { race: s, to: a },
      ];
      const accepted = guard.tryApply(swap, (change, from) => ({
        kind: 'swap',
        from,
        otherRace: change.race === r ? s : r,
        gain: total,
      }));
      if (accepted) {
        used.add(s);
        changed = true;
        break;
      }
    }
  }
  return changed;
}
