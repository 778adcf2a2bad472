import type { Entitlement } from './entitlement.ts';
import { ChangeGuard } from './guards.ts';
import type { HardRules } from './rules.ts';
import { PairScreen } from './screen.ts';
import { type Ranked, SideBuffer } from './side.ts';
import type { AllocationState } from './state.ts';
import type { Pact } from './types.ts';

const minimumGain = 1e-9;
const passGainToContinue = 5e-4;
/** How many partners each race tries in a swap search before giving up; keeps a pass near-linear. */
const swapPartnersTried = 8;
/**
 * Consecutive refusals after which a pair of members stops searching in this pass. Once the
 * picking sequence has made envy tight, most improving swaps break WEF1; trying them all costs
 * much and finds little.
 */
const refusalsTolerated = 24;
/** Partners screened per race in a swap search (screening costs O(n) each). */
const partnersScreened = 16;
/** Partners ranked for a pair: every race screens at most `partnersScreened` of the best ones. */
const partnersRanked = 64;

/**
 * Local search after the picking sequence: moves (one race from member a to b) and swaps (a's race
 * for b's race) that raise the coalition's expected wins, accepted only when the `ChangeGuard`
 * says they keep entitlement and WEF1. A pair of members is searched again only when one of their
 * bundles changed since, so later passes are cheap. Stops when a pass adds less than
 * `passGainToContinue` of the objective (later passes find crumbs at full cost), or after
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
  const search: PairSearch = {
    state,
    rules,
    guard,
    sideA: new SideBuffer(pact.races.length),
    sideB: new SideBuffer(pact.races.length),
  };
  const version = new Int32Array(n).fill(1);
  const searched = new Int32Array(n * n * 2);
  const objective = () => {
    let total = 0;
    for (let member = 0; member < n; member += 1) total += state.wins(member);
    return total;
  };
  for (let pass = 0; pass < maxPasses; pass += 1) {
    const before = objective();
    let improved = false;
    for (let a = 0; a < n; a += 1) {
      for (let b = 0; b < n; b += 1) {
        if (a === b) continue;
        const at = (a * n + b) * 2;
        if (searched[at] === version[a] && searched[at + 1] === version[b]) continue;
        const changed = searchPair(search, a, b);
        if (changed) {
          improved = true;
          version[a] = (version[a] ?? 0) + 1;
          version[b] = (version[b] ?? 0) + 1;
        }
        searched[at] = version[a] ?? 0;
        searched[at + 1] = version[b] ?? 0;
      }
    }
    if (!improved || objective() - before < passGainToContinue * before) return;
  }
}

/** Improving moves from a to b, then swaps between a and b. */
function searchPair(search: PairSearch, a: number, b: number): boolean {
  const { state, rules, guard, sideA, sideB } = search;
  let changed = false;
  // Built on first use and after every accepted change: most pairs never need one.
  let current: PairScreen | undefined;
  const screen = () => {
    current ??= new PairScreen(state, guard, a, b);
    return current;
  };

  sideA.fill(state, rules, a, b);
  if (guard.canShift(a, b)) {
    const moves = copy(sideA.rank(minimumGain, Number.POSITIVE_INFINITY));
    moves.races.forEach((race, at) => {
      if (screen().rejects(race, -1)) return;
      const gain = moves.gains[at] ?? 0;
      if (guard.tryApply([{ race, to: b }], () => ({ kind: 'move', from: a, gain }))) {
        changed = true;
        current = undefined;
      }
    });
    if (changed) sideA.fill(state, rules, a, b);
  }

  // A swap gains gainA(r) + gainB(s) > 0, so neither side needs to look below minus the other's best.
  sideB.fill(state, rules, b, a);
  if (sideA.size === 0 || sideB.size === 0) return changed;
  const bestA = sideA.best;
  const left = sideA.rank(minimumGain - sideB.best, Number.POSITIVE_INFINITY);
  const right = sideB.rank(minimumGain - bestA, partnersRanked);
  const used = new Uint8Array(right.length);
  let refusals = 0;
  for (let i = 0; i < left.length; i += 1) {
    const r = left.races[i] ?? -1;
    const gainR = left.gains[i] ?? 0;
    let tried = 0;
    let screened = 0;
    for (let j = 0; j < right.length; j += 1) {
      if (used[j] === 1) continue;
      const s = right.races[j] ?? -1;
      const total = gainR + (right.gains[j] ?? 0);
      if (total <= minimumGain || tried >= swapPartnersTried || screened >= partnersScreened) break;
      if (refusals >= refusalsTolerated) return changed;
      screened += 1;
      if (screen().rejects(r, s)) continue;
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
        used[j] = 1;
        changed = true;
        refusals = 0;
        current = undefined;
        break;
      }
      refusals += 1;
    }
  }
  return changed;
}

/** Everything a pair search reads or reuses, made once per local search. */
interface PairSearch {
  state: AllocationState;
  rules: HardRules;
  guard: ChangeGuard;
  sideA: SideBuffer;
  sideB: SideBuffer;
}

/** A ranked list detached from its buffer (moves change bundles while the list is walked). */
function copy(ranked: Ranked): { races: number[]; gains: number[] } {
  return {
    races: Array.from(ranked.races.subarray(0, ranked.length)),
    gains: Array.from(ranked.gains.subarray(0, ranked.length)),
  };
}
