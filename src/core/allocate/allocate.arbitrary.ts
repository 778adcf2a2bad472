/**
 * fast-check generators of small pacts, shared by the engine's property tests and the exact
 * solver's tests in src/features/pacts. Small on purpose: shrinking stays readable.
 */
import fc from 'fast-check';
import type { PactInput } from './types.ts';

export interface ArbitraryPactOptions {
  maxMembers?: number;
  maxRaces?: number;
  /** Allow the optional modes (expected-wins apportionment, tier balance, report-only entitlement). */
  modes?: boolean;
}

export function arbitraryPact(options: ArbitraryPactOptions = {}): fc.Arbitrary<PactInput> {
  const maxMembers = options.maxMembers ?? 5;
  const maxRaces = options.maxRaces ?? 14;
  return fc
    .record({
      memberCount: fc.integer({ min: 1, max: maxMembers }),
      raceCount: fc.integer({ min: 0, max: maxRaces }),
      seed: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 400, maxLength: 400 }),
      positions: fc.array(fc.option(fc.double({ min: -1, max: 1, noNaN: true }), { nil: undefined }), {
        minLength: maxMembers,
        maxLength: maxMembers,
      }),
      apportionment: fc.constantFrom('sainte-lague' as const, 'dhondt' as const, 'hare' as const),
      apportionBy: options.modes
        ? fc.constantFrom('races' as const, 'races' as const, 'expectedWins' as const)
        : fc.constant('races' as const),
      tierBalance: options.modes ? fc.boolean() : fc.constant(false),
      entitlement: options.modes
        ? fc.constantFrom('enforce' as const, 'enforce' as const, 'report' as const)
        : fc.constant('enforce' as const),
      lockCount: fc.integer({ min: 0, max: 2 }),
      vetoCount: fc.integer({ min: 0, max: 4 }),
      uncertainty: fc.constantFrom(0.03, 0.08, 0.2),
    })
    .map((draw) => {
      let cursor = 0;
      const next = () => {
        const value = draw.seed[cursor % draw.seed.length] ?? 0;
        cursor += 1;
        return value;
      };
      const members = Array.from({ length: draw.memberCount }, (_, at) => ({
        id: `m${at}`,
        weight: 1 + next(),
        position: draw.positions[at],
      }));
      const races = Array.from({ length: draw.raceCount }, (_, at) => {
        const votes: Record<string, number> = {};
        for (const member of members) if (next() > 250) votes[member.id] = next();
        votes['other:x'] = next();
        if (next() > 500) votes['other:y'] = next();
        return { id: `r${at}`, seats: next() > 900 ? 2 : 1, votes };
      });
      const pair = () => ({
        race: `r${next() % Math.max(1, draw.raceCount)}`,
        member: `m${next() % draw.memberCount}`,
      });
      const locks = draw.raceCount === 0 ? [] : Array.from({ length: draw.lockCount }, pair);
      const vetoes = draw.raceCount === 0 ? [] : Array.from({ length: draw.vetoCount }, pair);
      return {
        members,
        races,
        locks,
        vetoes,
        apportionment: draw.apportionment,
        apportionBy: draw.apportionBy,
        tierBalance: draw.tierBalance,
        entitlement: draw.entitlement,
        uncertainty: draw.uncertainty,
      } satisfies PactInput;
    });
}

/** The same pact with members and races in another order (locks and vetoes keep theirs: their paths are named). */
export function shuffled(input: PactInput, seed: number): PactInput {
  const order = <T>(items: readonly T[]) =>
    items
      .map((item, at) => ({ item, key: Math.sin(seed * 9973 + at * 7919) }))
      .sort((a, b) => a.key - b.key)
      .map(({ item }) => item);
  return {
    ...input,
    members: order(input.members),
    races: order(input.races).map((race) => ({
      ...race,
      votes: Object.fromEntries(order(Object.entries(race.votes))),
    })),
  };
}
