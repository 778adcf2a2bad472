import { type BallotStore, BLANK } from './ballot-store.ts';
import type { TabulationOptions } from './types.ts';

/**
 * Ballots reduced to what the round-by-round count needs under the chosen ballot rules: a list of
 * choices, each a single candidate (≥ 0) or an overvote group `-k, c1..ck` that is only kept under
 * `exhaust-if-multiple`. A ballot exhausts when its list runs out.
 *
 * The rules follow RCTab's walk over a ballot, checked rank by rank in this order:
 * 1. skipped ranks: more than `maxSkipped` blank ranks before the next marked rank exhaust it;
 * 2. duplicate `exhaust`: a rank naming a candidate already named above exhausts it
 *    (`skip` needs nothing: a repeated candidate was passed over already, so it is passed again);
 * 3. overvote: `exhaust` exhausts at the overvote, `skip` passes over it, `exhaust-if-multiple`
 *    decides when counting (exhaust if two or more of its candidates are still continuing).
 * All three outcomes depend only on the ballot, never on who is continuing, except the last one;
 * that is why they can be applied once, before the count.
 */
export interface CompiledBallots {
  size: number;
  offsets: Int32Array;
  choices: Int16Array;
  weights: Float64Array;
  candidateCount: number;
}

export type BallotRules = Pick<TabulationOptions, 'overvote' | 'maxSkipped' | 'duplicate'>;

export function compileBallots(store: BallotStore, rules: BallotRules): CompiledBallots {
  const { tokens, offsets } = store;
  const choices = new Int16Array(tokens.length);
  const compiledOffsets = new Int32Array(store.size + 1);
  const seenBy = new Int32Array(store.candidates.length).fill(-1);
  const maxGap = rules.maxSkipped === null ? Number.POSITIVE_INFINITY : rules.maxSkipped;
  const exhaustOnDuplicate = rules.duplicate === 'exhaust';
  let length = 0;
  for (let ballot = 0; ballot < store.size; ballot++) {
    compiledOffsets[ballot] = length;
    const end = offsets[ballot + 1] as number;
    let blanks = 0;
    for (let i = offsets[ballot] as number; i < end; ) {
      const token = tokens[i] as number;
      if (token === BLANK) {
        blanks += 1;
        i += 1;
        continue;
      }
      if (blanks > maxGap) break;
      blanks = 0;
      const size = token >= 0 ? 1 : -token;
      const first = token >= 0 ? i : i + 1;
      i = first + size;
      if (exhaustOnDuplicate && markSeen(tokens, first, size, seenBy, ballot)) break;
      if (size === 1) {
        choices[length++] = tokens[first] as number;
        continue;
      }
      if (rules.overvote === 'exhaust') break;
      if (rules.overvote === 'skip') continue;
      choices[length++] = token;
      for (let k = first; k < first + size; k++) choices[length++] = tokens[k] as number;
    }
  }
  compiledOffsets[store.size] = length;
  return {
    size: store.size,
    offsets: compiledOffsets,
    choices: choices.slice(0, length),
    weights: store.weights,
    candidateCount: store.candidates.length,
  };
}

/** Marks the rank's candidates as seen on this ballot; true if one of them was seen before. */
function markSeen(
  tokens: Int16Array,
  first: number,
  size: number,
  seenBy: Int32Array,
  ballot: number,
): boolean {
  let duplicate = false;
  for (let k = first; k < first + size; k++) {
    const candidate = tokens[k] as number;
    if (seenBy[candidate] === ballot) duplicate = true;
    seenBy[candidate] = ballot;
  }
  return duplicate;
}

export const EXHAUSTED = -1;

/**
 * The ballot's next choice at or after `from` among continuing candidates: returns the candidate
 * and leaves the position after it in `cursor.position`, or returns EXHAUSTED.
 */
export function nextChoice(
  choices: Int16Array,
  from: number,
  end: number,
  continuing: Uint8Array,
  cursor: { position: number },
): number {
  let i = from;
  while (i < end) {
    const token = choices[i] as number;
    if (token >= 0) {
      i += 1;
      if (continuing[token] === 1) {
        cursor.position = i;
        return token;
      }
      continue;
    }
    const stop = i + 1 - token;
    let found = EXHAUSTED;
    let count = 0;
    for (let k = i + 1; k < stop; k++) {
      const candidate = choices[k] as number;
      if (continuing[candidate] === 1) {
        found = candidate;
        count += 1;
      }
    }
    if (count > 1) return EXHAUSTED;
    i = stop;
    if (count === 1) {
      cursor.position = i;
      return found;
    }
  }
  return EXHAUSTED;
}
