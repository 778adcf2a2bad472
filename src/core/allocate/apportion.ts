import type { ApportionmentMethod } from './types.ts';

/**
 * Divisor applied to a member that already holds `held` seats. D'Hondt (Jefferson) divides by
 * 1, 2, 3, …; Sainte-Laguë (Webster) by 1, 3, 5, …. Hare largest remainder is not a divisor
 * method; its picking order borrows Sainte-Laguë's divisors, the most even of the two.
 */
export function divisor(method: ApportionmentMethod, held: number): number {
  return method === 'dhondt' ? held + 1 : 2 * held + 1;
}

/**
 * Whether member a (weight, held seats) comes before member b in the apportionment's order.
 * Cross-multiplied to avoid dividing; equal claims go to the larger weight, then the lower index
 * (members are sorted by id), so that ties never depend on input order.
 */
export function claimsBefore(
  method: ApportionmentMethod,
  weightA: number,
  heldA: number,
  indexA: number,
  weightB: number,
  heldB: number,
  indexB: number,
): boolean {
  const left = weightA * divisor(method, heldB);
  const right = weightB * divisor(method, heldA);
  if (left !== right) return left > right;
  if (weightA !== weightB) return weightA > weightB;
  return indexA < indexB;
}

/** Shares `house` whole seats among members in proportion to `weights`. */
export function apportion(weights: readonly number[], house: number, method: ApportionmentMethod): number[] {
  if (weights.length === 0 || house <= 0) return weights.map(() => 0);
  return method === 'hare' ? largestRemainder(weights, house) : highestAverages(weights, house, method);
}

/** Each member's exact quota: its share of the weight times the house size. */
export function quotas(weights: readonly number[], house: number): number[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return weights.map((weight) => (total > 0 ? (house * weight) / total : 0));
}

function highestAverages(weights: readonly number[], house: number, method: ApportionmentMethod): number[] {
  const seats = weights.map(() => 0);
  for (let seat = 0; seat < house; seat += 1) {
    let best = 0;
    for (let member = 1; member < weights.length; member += 1) {
      if (
        claimsBefore(
          method,
          weights[member] ?? 0,
          seats[member] ?? 0,
          member,
          weights[best] ?? 0,
          seats[best] ?? 0,
          best,
        )
      ) {
        best = member;
      }
    }
    seats[best] = (seats[best] ?? 0) + 1;
  }
  return seats;
}

/**
 * Hare quota, floors first, then the seats left over by largest remainder. Remainders are
 * computed as `house × weight − floor × total`, exact when weights are integers (vote counts).
 */
function largestRemainder(weights: readonly number[], house: number): number[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const seats = weights.map((weight) => Math.floor((house * weight) / total));
  const remainders = weights.map((weight, member) => house * weight - (seats[member] ?? 0) * total);
  const left = house - seats.reduce((sum, count) => sum + count, 0);
  const order = weights
    .map((_, member) => member)
    .sort(
      (a, b) => (remainders[b] ?? 0) - (remainders[a] ?? 0) || (weights[b] ?? 0) - (weights[a] ?? 0) || a - b,
    );
  for (const member of order.slice(0, left)) seats[member] = (seats[member] ?? 0) + 1;
  return seats;
}
