import type { Entitlement } from './entitlement.ts';
import { ChangeGuard } from './guards.ts';
import type { HardRules } from './rules.ts';
import { PairScreen } from './screen.ts';
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
    if (!improved || objective() - before < passGainToContinue * before) return;
  }
}

/** The races of `from` that may go to `to` (not locked, not vetoed), with what each move gains. */
interface Side {
  races: number[];
  gains: number[];
  best: number;
}

function side(state: AllocationState, rules: HardRules, from: number, to: number): Side {
  const n = state.n;
  const value = state.value;
  const races: number[] = [];
  const gains: number[] = [];
  let best = Number.NEGATIVE_INFINITY;
  for (const race of state.bundle(from)) {
    if (rules.lockedTo[race] !== -1 || rules.vetoed[race * n + to] === 1) continue;
    const gain = (value[race * n + to] ?? 0) - (value[race * n + from] ?? 0);
    races.push(race);
    gains.push(gain);
    if (gain > best) best = gain;
  }
  return { races, gains, best };
}

/**
 * The side's races gaining more than `floor`, best first (ties to the lower race index), at most
 * `limit` of them. The cut-off for `limit` comes from a native typed-array sort (no comparator);
 * only what passes it is sorted with the comparator. This runs for every pair in every pass.
 */
function ranked({ races, gains }: Side, floor: number, limit: number) {
  const kept = races.map((_, at) => at).filter((at) => (gains[at] ?? 0) > floor);
  const cutoff =
    kept.length > limit
      ? (Float64Array.from(kept, (at) => gains[at] ?? 0).sort()[kept.length - limit] ?? floor)
      : Number.NEGATIVE_INFINITY;
  const order = kept
    .filter((at) => (gains[at] ?? 0) >= cutoff)
    .sort((x, y) => (gains[y] ?? 0) - (gains[x] ?? 0) || (races[x] ?? 0) - (races[y] ?? 0))
    .slice(0, limit);
  return { races: order.map((at) => races[at] ?? -1), gains: order.map((at) => gains[at] ?? 0) };
}

/** Improving moves from a to b, then swaps between a and b. */
function searchPair(
  state: AllocationState,
  rules: HardRules,
  guard: ChangeGuard,
  a: number,
  b: number,
): boolean {
  let changed = false;
  let screen = new PairScreen(state, guard, a, b);

  let fromA = side(state, rules, a, b);
  const moves = guard.canShift(a, b)
    ? ranked(fromA, minimumGain, Number.POSITIVE_INFINITY)
    : { races: [], gains: [] };
  moves.races.forEach((race, at) => {
    if (screen.rejects(race, -1)) return;
    const gain = moves.gains[at] ?? 0;
    if (guard.tryApply([{ race, to: b }], () => ({ kind: 'move', from: a, gain }))) {
      changed = true;
      screen = new PairScreen(state, guard, a, b);
    }
  });

  // A swap gains gainA(r) + gainB(s) > 0, so neither side needs to look below minus the other's best.
  if (changed) fromA = side(state, rules, a, b);
  const fromB = side(state, rules, b, a);
  if (fromA.races.length === 0 || fromB.races.length === 0) return changed;
  const left = ranked(fromA, minimumGain - fromB.best, Number.POSITIVE_INFINITY);
  const right = ranked(fromB, minimumGain - fromA.best, partnersRanked);
  const used = new Uint8Array(right.races.length);
  let refusals = 0;
  for (let i = 0; i < left.races.length; i += 1) {
    const r = left.races[i] ?? -1;
    const gainR = left.gains[i] ?? 0;
    let tried = 0;
    let screened = 0;
    for (let j = 0; j < right.races.length; j += 1) {
      if (used[j] === 1) continue;
      const s = right.races[j] ?? -1;
      const total = gainR + (right.gains[j] ?? 0);
      if (total <= minimumGain || tried >= swapPartnersTried || screened >= partnersScreened) break;
      if (refusals >= refusalsTolerated) return changed;
      screened += 1;
      if (screen.rejects(r, s)) continue;
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
        screen = new PairScreen(state, guard, a, b);
        break;
      }
      refusals += 1;
    }
  }
  return changed;
}
