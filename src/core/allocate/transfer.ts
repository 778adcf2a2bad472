import { normalCdf } from '../normal.ts';
import type { Member, Pact, Race } from './types.ts';

/**
 * Two members are on the same side when their declared positions share a strict sign. A member
 * at 0 (the centre) or without a position is on nobody's side: its voters transfer at the
 * cross-side rate, the cautious choice.
 */
export function onSameSide(a: Member, b: Member): boolean {
  if (a.position === undefined || b.position === undefined) return false;
  return (a.position < 0 && b.position < 0) || (a.position > 0 && b.position > 0);
}

/** rates[from * n + to]: the share of `from`'s voters that vote for `to`'s candidate. */
export function transferRates(pact: Pact): Float64Array {
  const n = pact.members.length;
  const rates = new Float64Array(n * n);
  pact.members.forEach((from, fromIndex) => {
    pact.members.forEach((to, toIndex) => {
      const { sameSide, crossSide } = pact.settings.transfer;
      rates[fromIndex * n + toIndex] =
        fromIndex === toIndex ? 1 : onSameSide(from, to) ? sameSide : crossSide;
    });
  });
  return rates;
}

/**
 * The vote-transfer model, for every race and member at once. A member's candidate keeps its own
 * voters and receives each other member's voters at the transfer rate; the strongest opponent
 * keeps its votes; voters who do not transfer stay home. The margin is a share of the votes cast;
 * the win probability is Φ(margin / uncertainty). Flat arrays indexed `race * n + member`.
 */
export interface RaceValues {
  readonly memberCount: number;
  readonly margin: Float64Array;
  readonly probability: Float64Array;
  /** Expected wins: seats × probability. This is both the objective and each member's valuation. */
  readonly value: Float64Array;
}

export function raceValues(pact: Pact): RaceValues {
  const n = pact.members.length;
  const rates = transferRates(pact);
  const size = pact.races.length * n;
  const margin = new Float64Array(size);
  const probability = new Float64Array(size);
  const value = new Float64Array(size);
  pact.races.forEach((race, raceIndex) => {
    for (let member = 0; member < n; member += 1) {
      let votes = 0;
      for (let other = 0; other < n; other += 1) {
        votes += (race.memberVotes[other] ?? 0) * (rates[other * n + member] ?? 0);
      }
      const at = raceIndex * n + member;
      const share = shareOfVotes(votes - race.strongestOpponent, race);
      const p = normalCdf(share / pact.settings.uncertainty);
      margin[at] = share;
      probability[at] = p;
      value[at] = race.seats * p;
    }
  });
  return { memberCount: n, margin, probability, value };
}

/**
 * The coalition's expected wins in a race without a pact: every member with votes runs, so the
 * coalition wins when its strongest member beats the strongest opponent; no transfers.
 */
export function noPactExpectedWins(race: Race, uncertainty: number): number {
  const strongestMember = Math.max(0, ...race.memberVotes);
  if (strongestMember === 0) return 0;
  return race.seats * normalCdf(shareOfVotes(strongestMember - race.strongestOpponent, race) / uncertainty);
}

/** A race without any votes recorded gives a zero margin: a coin flip, the least informed guess. */
function shareOfVotes(votes: number, race: Race): number {
  return race.totalVotes > 0 ? votes / race.totalVotes : 0;
}
