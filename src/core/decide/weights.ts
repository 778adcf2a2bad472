import { formatRatio, gcd } from './decimal.ts';
import type { OrganizationId, Voter, Weighting } from './types.ts';

export interface VoterWeight {
  organizationId: OrganizationId;
  /** Relative weight: only ratios between voters matter. Exact integer. */
  weight: bigint;
  capped: boolean;
}

export interface WeightResult {
  weights: VoterWeight[];
  /** Why the cap did not hold as asked, when it could not. */
  capNote: string | null;
}

/**
 * Each voter's exact weight. Equal weighting gives everybody 1. Strength weighting gives the raw
 * strength, and with a cap c (a share of the total) scales so that no voter holds more than c:
 * the m largest are set to exactly c of the total and the others keep their proportions.
 */
export function weighVoters(voters: readonly Voter[], weighting: Weighting): WeightResult {
  if (weighting.kind === 'equal') {
    return {
      weights: voters.map((v) => ({ organizationId: v.organizationId, weight: 1n, capped: false })),
      capNote: null,
    };
  }
  const raw = voters.map((v) => ({ organizationId: v.organizationId, weight: BigInt(v.strength) }));
  if (weighting.capPermille === null) return { weights: normalize(raw, new Set()), capNote: null };
  return capWeights(raw, BigInt(weighting.capPermille), 1000n);
}

function capWeights(
  raw: { organizationId: OrganizationId; weight: bigint }[],
  p: bigint,
  q: bigint,
): WeightResult {
  const positive = raw.filter((v) => v.weight > 0n);
  if (BigInt(positive.length) * p < q) {
    // Fewer weighted voters than 1/cap: no distribution honours the cap; the limit of a tightening
    // cap is equal weight, so every voter with strength gets the same.
    const weights = raw.map((v) => ({ ...v, weight: v.weight > 0n ? 1n : 0n }));
    return {
      weights: normalize(weights, new Set(positive.map((v) => v.organizationId))),
      capNote: `the cap cannot hold with ${positive.length} voter(s) carrying weight: they weigh equally`,
    };
  }
  const sorted = [...positive].sort((a, b) => (a.weight > b.weight ? -1 : a.weight < b.weight ? 1 : 0));
  let rest = sorted.reduce((sum, v) => sum + v.weight, 0n);
  for (let m = 0; m < sorted.length; m++) {
    const next = sorted[m];
    if (!next) break;
    const scale = q - BigInt(m) * p;
    // With the m largest at share p/q each, the total is q·U (U = the others' raw sum) and the
    // (m+1)-th largest has share next·scale/(q·U): it fits when next·scale ≤ p·U.
    if (next.weight * scale <= p * rest) {
      const cappedIds = new Set(sorted.slice(0, m).map((v) => v.organizationId));
      const weights = raw.map((v) => ({
        organizationId: v.organizationId,
        weight: cappedIds.has(v.organizationId) ? p * rest : v.weight * scale,
      }));
      return { weights: normalize(weights, cappedIds), capNote: null };
    }
    rest -= next.weight;
  }
  // Unreachable: with m = positive.length - 1 capped and positive.length·p ≥ q the last one fits.
  throw new Error('weighVoters: cap search found no solution');
}

function normalize(
  weights: { organizationId: OrganizationId; weight: bigint }[],
  capped: ReadonlySet<OrganizationId>,
): VoterWeight[] {
  const divisor = weights.reduce((g, v) => gcd(g, v.weight), 0n);
  return weights.map((v) => ({
    organizationId: v.organizationId,
    weight: divisor > 1n ? v.weight / divisor : v.weight,
    capped: capped.has(v.organizationId),
  }));
}

export interface PublishedWeight {
  organizationId: OrganizationId;
  /** Exact relative weight (integer as a string). */
  weight: string;
  /** Share of the total weight, rounded to 6 places: for display. */
  share: string;
  capped: boolean;
}

/** Weights as a published tally shows them. */
export function publishWeights(weights: readonly VoterWeight[]): PublishedWeight[] {
  const total = weights.reduce((sum, w) => sum + w.weight, 0n);
  return weights.map((w) => ({
    organizationId: w.organizationId,
    weight: w.weight.toString(),
    share: formatRatio(w.weight, total, 6),
    capped: w.capped,
  }));
}
