import type { Fraction } from './types.ts';

export interface QuorumCheck {
  eligible: number;
  voted: number;
  required: Fraction;
  /** ⌈num·eligible/den⌉ organizations. */
  needed: number;
  met: boolean;
}

/**
 * The quorum counts organizations that cast a ballot (abstentions included), not weight:
 * it holds when voted·den ≥ num·eligible, and never with nobody eligible.
 */
export function checkQuorum(eligible: number, voted: number, required: Fraction): QuorumCheck {
  const needed = Math.ceil((required.num * eligible) / required.den);
  const met = eligible > 0 && voted * required.den >= required.num * eligible;
  return { eligible, voted, required, needed, met };
}

export const describeMissedQuorum = (q: QuorumCheck): string =>
  `quorum not met: ${q.voted} of ${q.eligible} voted, ${q.needed} needed`;
