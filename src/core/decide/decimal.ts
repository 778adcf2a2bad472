/**
 * Exact decimal text for published tallies: integers scaled by 10^digits become strings, never
 * floats, so the same ballots print the same figures on every platform.
 */
export function formatScaled(value: bigint, digits: number): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const text = abs.toString().padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits);
  const fraction = text.slice(text.length - digits);
  return `${negative ? '-' : ''}${whole}${digits > 0 ? `.${fraction}` : ''}`;
}

/** numerator/denominator as a decimal string rounded half up to `digits` places (display only). */
export function formatRatio(numerator: bigint, denominator: bigint, digits: number): string {
  if (denominator === 0n) return formatScaled(0n, digits);
  const scale = 10n ** BigInt(digits);
  const rounded = (numerator * scale * 2n + denominator) / (denominator * 2n);
  return formatScaled(rounded, digits);
}

export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}
