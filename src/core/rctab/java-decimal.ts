/**
 * The subset of java.math.BigDecimal that RCTab's arithmetic and reports depend on. RCTab prints
 * tallies with BigDecimal.toString, so the *scale* of every value (14866 versus 14866.0000) is part
 * of the published report: values here carry an unscaled integer and a scale exactly as Java does,
 * and each operation produces the scale Java's would.
 */
export type Rounding = 'down' | 'up' | 'half-even';

export class JavaDecimal {
  private constructor(
    /** value = unscaled × 10^-scale */
    readonly unscaled: bigint,
    readonly scale: number,
  ) {}

  static readonly ZERO = new JavaDecimal(0n, 0);
  static readonly ONE = new JavaDecimal(1n, 0);

  static of(unscaled: bigint, scale = 0): JavaDecimal {
    return new JavaDecimal(unscaled, scale);
  }

  static fromInt(value: number): JavaDecimal {
    return new JavaDecimal(BigInt(value), 0);
  }

  /** Parses plain decimal text the way `new BigDecimal(String)` does (no exponent form needed here). */
  static parse(text: string): JavaDecimal {
    const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
    if (!match || `${match[2]}${match[3] ?? ''}` === '') throw new Error(`not a decimal: ${text}`);
    const digits = `${match[2]}${match[3] ?? ''}`;
    const unscaled = BigInt(digits) * (match[1] === '-' ? -1n : 1n);
    return new JavaDecimal(unscaled, (match[3] ?? '').length);
  }

  add(other: JavaDecimal): JavaDecimal {
    const scale = Math.max(this.scale, other.scale);
    return new JavaDecimal(this.rescaled(scale) + other.rescaled(scale), scale);
  }

  subtract(other: JavaDecimal): JavaDecimal {
    return this.add(other.negate());
  }

  negate(): JavaDecimal {
    return new JavaDecimal(-this.unscaled, this.scale);
  }

  multiply(other: JavaDecimal): JavaDecimal {
    return new JavaDecimal(this.unscaled * other.unscaled, this.scale + other.scale);
  }

  /** divide(divisor, scale, roundingMode). */
  divide(divisor: JavaDecimal, scale: number, rounding: Rounding): JavaDecimal {
    if (divisor.unscaled === 0n) throw new Error('division by zero');
    // this/divisor = (a·10^-s1)/(b·10^-s2); scaled result q = a·10^(scale - s1 + s2) / b
    const shift = scale - this.scale + divisor.scale;
    let numerator = this.unscaled;
    let denominator = divisor.unscaled;
    if (shift >= 0) numerator *= 10n ** BigInt(shift);
    else denominator *= 10n ** BigInt(-shift);
    return new JavaDecimal(roundQuotient(numerator, denominator, rounding), scale);
  }

  /**
   * divide(divisor, MathContext(precision, HALF_EVEN)): the exact quotient rounded to `precision`
   * significant digits, with Java's preferred scale (this.scale - divisor.scale) where the quotient
   * is exact and short enough, trailing zeros stripped down to that scale otherwise.
   */
  divideToPrecision(divisor: JavaDecimal, precision: number): JavaDecimal {
    if (divisor.unscaled === 0n) throw new Error('division by zero');
    if (this.unscaled === 0n) {
      const preferred = this.scale - divisor.scale;
      return new JavaDecimal(0n, clampScale(preferred));
    }
    const preferredScale = this.scale - divisor.scale;
    // Find a scale giving `precision` significant digits, then strip zeros toward the preferred scale.
    const estimate =
      digitCount(abs(this.unscaled)) - this.scale - (digitCount(abs(divisor.unscaled)) - divisor.scale);
    let scale = precision - estimate;
    let result = this.divide(divisor, scale, 'half-even');
    if (digitCount(abs(result.unscaled)) > precision) {
      scale -= 1;
      result = this.divide(divisor, scale, 'half-even');
    } else if (digitCount(abs(result.unscaled)) < precision) {
      const wider = this.divide(divisor, scale + 1, 'half-even');
      if (digitCount(abs(wider.unscaled)) <= precision) {
        scale += 1;
        result = wider;
      }
    }
    return result.stripZerosDownTo(preferredScale);
  }

  setScale(scale: number, rounding: Rounding): JavaDecimal {
    if (scale >= this.scale) return new JavaDecimal(this.rescaled(scale), scale);
    return new JavaDecimal(roundQuotient(this.unscaled, 10n ** BigInt(this.scale - scale), rounding), scale);
  }

  /** scaleByPowerOfTen(n).intValue(): truncates toward zero. */
  scaledIntValue(powerOfTen: number): number {
    const scale = this.scale - powerOfTen;
    const value = scale <= 0 ? this.unscaled * 10n ** BigInt(-scale) : this.unscaled / 10n ** BigInt(scale);
    return Number(BigInt.asIntN(32, value));
  }

  /** toBigInteger(): truncates toward zero. */
  toBigInt(): bigint {
    return this.scale <= 0
      ? this.unscaled * 10n ** BigInt(-this.scale)
      : this.unscaled / 10n ** BigInt(this.scale);
  }

  signum(): number {
    return this.unscaled > 0n ? 1 : this.unscaled < 0n ? -1 : 0;
  }

  compareTo(other: JavaDecimal): number {
    const scale = Math.max(this.scale, other.scale);
    const a = this.rescaled(scale);
    const b = other.rescaled(scale);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  /** Java's equals: value AND scale (0 is not 0.0000). */
  equals(other: JavaDecimal): boolean {
    return this.unscaled === other.unscaled && this.scale === other.scale;
  }

  /** BigDecimal.toString: plain unless the adjusted exponent is below -6 or the scale negative. */
  toString(): string {
    const digits = abs(this.unscaled).toString();
    const sign = this.unscaled < 0n ? '-' : '';
    const adjusted = -this.scale + (digits.length - 1);
    if (this.scale >= 0 && adjusted >= -6) {
      if (this.scale === 0) return sign + digits;
      const padded = digits.padStart(this.scale + 1, '0');
      return `${sign}${padded.slice(0, padded.length - this.scale)}.${padded.slice(padded.length - this.scale)}`;
    }
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${mantissa}E${adjusted >= 0 ? '+' : ''}${adjusted}`;
  }

  /** A key equal for numerically equal values, for maps keyed by tally. */
  numericKey(): string {
    return this.stripZerosDownTo(Number.MIN_SAFE_INTEGER).toString();
  }

  private stripZerosDownTo(preferredScale: number): JavaDecimal {
    let unscaled = this.unscaled;
    let scale = this.scale;
    while (scale > preferredScale && unscaled !== 0n && unscaled % 10n === 0n) {
      unscaled /= 10n;
      scale -= 1;
    }
    if (unscaled === 0n) return new JavaDecimal(0n, Math.max(preferredScale, Math.min(scale, 0)));
    return new JavaDecimal(unscaled, scale);
  }

  private rescaled(scale: number): bigint {
    return this.unscaled * 10n ** BigInt(scale - this.scale);
  }
}

function roundQuotient(numerator: bigint, denominator: bigint, rounding: Rounding): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = abs(numerator);
  const d = abs(denominator);
  let q = n / d;
  const r = n % d;
  if (r !== 0n) {
    if (rounding === 'up') q += 1n;
    else if (rounding === 'half-even') {
      const twice = r * 2n;
      if (twice > d || (twice === d && q % 2n === 1n)) q += 1n;
    }
  }
  return negative ? -q : q;
}

function abs(value: bigint): bigint {
  return value < 0n ? -value : value;
}

function digitCount(value: bigint): number {
  return value === 0n ? 1 : value.toString().length;
}

function clampScale(scale: number): number {
  return Math.max(Math.min(scale, 2 ** 31 - 1), -(2 ** 31));
}
