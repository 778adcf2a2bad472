/** The defaults the issue names: Ballotpedia's 2017–2025 average validity (78.8%) and a 10% margin. */
export const defaultExpectedValidity = 0.79;
export const defaultSafetyMargin = 1.1;

export interface TargetInput {
  required: number;
  expectedValidity?: number;
  safetyMargin?: number;
}

export interface Target {
  required: number;
  expectedValidity: number;
  safetyMargin: number;
  /** Raw signatures to collect: ⌈required ÷ validity × margin⌉. */
  raw: number;
  /** The arithmetic in words, shown beside the number. */
  arithmetic: string;
}

/**
 * Raw signatures to gather so that, at the expected validity, the valid ones still clear the
 * requirement with the margin to spare. Rounded up: a fraction of a signature is a whole one short.
 */
export function signatureTarget(input: TargetInput): Target {
  const expectedValidity = input.expectedValidity ?? defaultExpectedValidity;
  const safetyMargin = input.safetyMargin ?? defaultSafetyMargin;
  if (!Number.isInteger(input.required) || input.required < 0) {
    throw new RangeError(`required must be a whole number ≥ 0, got ${input.required}`);
  }
  if (!(expectedValidity > 0 && expectedValidity <= 1)) {
    throw new RangeError(`expected validity must be in (0, 1], got ${expectedValidity}`);
  }
  if (!(safetyMargin >= 1)) throw new RangeError(`safety margin must be ≥ 1, got ${safetyMargin}`);
  // Round the quotient to 9 decimals first so 0.79 and 1.1 (inexact in binary) cannot push an
  // exact whole number over to the next one.
  const exact = Math.round((input.required / expectedValidity) * safetyMargin * 1e9) / 1e9;
  const raw = Math.ceil(exact);
  return {
    required: input.required,
    expectedValidity,
    safetyMargin,
    raw,
    arithmetic: `${input.required} ÷ ${expectedValidity} × ${safetyMargin} = ${exact.toFixed(2)} → ${raw}`,
  };
}
