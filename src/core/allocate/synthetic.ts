import { seededRandom } from '../mulberry32.ts';
import type { PactInput } from './types.ts';

export interface SyntheticPactOptions {
  seed: number;
  races: number;
  members: number;
}

/**
 * A plausible pact: members of unequal strength spread over the axis; in each race the larger
 * members are likelier to have run, and their local strength varies widely around their national
 * weight, so that some races have a dominant member and others a split field; together they poll
 * 35–60 % against one to three opponents. Deterministic for a given seed.
 */
export function syntheticPact(options: SyntheticPactOptions): PactInput {
  const random = seededRandom(options.seed);
  const width = String(options.members).length;
  const members = Array.from({ length: options.members }, (_, index) => ({
    id: `m${String(index + 1).padStart(width, '0')}`,
    weight: Math.round(20_000 + 400_000 * random() ** 2),
    position: Math.round((random() * 2 - 1) * 100) / 100,
  }));
  const largest = Math.max(...members.map((member) => member.weight));
  const raceWidth = String(options.races).length;
  const races = Array.from({ length: options.races }, (_, index) => {
    const turnout = 30_000 + Math.floor(50_000 * random());
    const coalition = turnout * (0.35 + 0.25 * random());
    const votes: Record<string, number> = {};
    const local = members.map((member) => {
      const ran = random() < 0.15 + 0.75 * Math.sqrt(member.weight / largest);
      return ran ? member.weight * Math.exp(2.5 * (random() - 0.5)) : 0;
    });
    const localTotal = local.reduce((sum, share) => sum + share, 0) || 1;
    members.forEach((member, at) => {
      const share = local[at] ?? 0;
      if (share > 0) votes[member.id] = Math.round((coalition * share) / localTotal);
    });
    const opponents = 1 + Math.floor(3 * random());
    const opponentShares = Array.from({ length: opponents }, (_, at) => (at === 0 ? 1.5 : 0.2) + random());
    const opponentTotal = opponentShares.reduce((sum, share) => sum + share, 0);
    opponentShares.forEach((share, at) => {
      votes[`other:o${at + 1}`] = Math.round(((turnout - coalition) * share) / opponentTotal);
    });
    return { id: `r${String(index + 1).padStart(raceWidth, '0')}`, seats: 1, votes };
  });
  return { members, races };
}

export { seededRandom };
