import type { ExactWeight } from '../ballot-store.ts';

export type WeightReading =
  | { ok: true; weight: ExactWeight }
  | {
      ok: false;
      code: 'ballot.invalid_weight' | 'ballot.negative_weight' | 'ballot.weight_precision';
      reason: string;
    };

const maxDecimals = 9;

/**
 * Reads a weight cell as an exact decimal (`12`, `0.7`, `3.25`): digits, optionally a point and
 * up to 9 decimals. Floats are never involved, so 0.1 + 0.2 is exactly 0.3 in every count.
 */
export function readWeight(text: string, start: number, end: number): WeightReading {
  if (start === end) return { ok: false, code: 'ballot.invalid_weight', reason: 'the weight is empty' };
  if (text.charCodeAt(start) === 45 /* - */) {
    return { ok: false, code: 'ballot.negative_weight', reason: 'the weight is negative' };
  }
  let units = 0;
  let decimals = -1;
  let digits = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 46 /* . */ && decimals < 0) {
      decimals = 0;
      continue;
    }
    if (code < 48 || code > 57) {
      return { ok: false, code: 'ballot.invalid_weight', reason: 'the weight is not a decimal number' };
    }
    units = units * 10 + (code - 48);
    digits += 1;
    if (decimals >= 0) decimals += 1;
  }
  if (digits === 0 || decimals === 0) {
    return { ok: false, code: 'ballot.invalid_weight', reason: 'the weight is not a decimal number' };
  }
  if (decimals > maxDecimals) {
    return { ok: false, code: 'ballot.weight_precision', reason: 'the weight has more than 9 decimals' };
  }
  if (!Number.isSafeInteger(units)) {
    return { ok: false, code: 'ballot.invalid_weight', reason: 'the weight has too many digits' };
  }
  return { ok: true, weight: { units, decimals: Math.max(decimals, 0) } };
}

export const unitWeight: ExactWeight = { units: 1, decimals: 0 };

/** A JSON number weight, read through its shortest decimal form (0.7 stays 7 tenths). */
export function readNumberWeight(value: number): WeightReading {
  if (!Number.isFinite(value)) {
    return { ok: false, code: 'ballot.invalid_weight', reason: 'the weight is not a finite number' };
  }
  if (value < 0) return { ok: false, code: 'ballot.negative_weight', reason: 'the weight is negative' };
  const text = String(value);
  if (text.includes('e')) {
    return { ok: false, code: 'ballot.invalid_weight', reason: 'the weight is out of range' };
  }
  return readWeight(text, 0, text.length);
}
