import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { readBallotText } from './parse/ballot-reader.ts';
import { tabulate } from './tabulate.ts';
import {
  duplicateRules,
  methods,
  overvoteRules,
  type TabulationOptions,
  type TabulationResult,
  tiebreakRules,
} from './types.ts';

const names = ['Ada', 'Bo', 'Cy', 'Di', 'Ed', 'Flo'];

interface Ballot {
  weight: string;
  ranks: string[];
}

const rank = (n: number) =>
  fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...names.slice(0, n)) },
    { weight: 1, arbitrary: fc.constant('') },
    {
      weight: 1,
      arbitrary: fc
        .uniqueArray(fc.constantFrom(...names.slice(0, n)), { minLength: 2, maxLength: 3 })
        .map((group) => group.join('=')),
    },
  );

const weight = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 9 }).map(String) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 999 }).map((cents) => (cents / 100).toFixed(2)) },
);

const election = fc.integer({ min: 2, max: 6 }).chain((n) =>
  fc.record({
    candidates: fc.constant(names.slice(0, n)),
    ballots: fc.array(fc.record({ weight, ranks: fc.array(rank(n), { maxLength: 6 }) }), {
      minLength: 1,
      maxLength: 30,
    }),
  }),
);

const options = fc.record({
  method: fc.constantFrom(...methods),
  seats: fc.integer({ min: 1, max: 3 }),
  overvote: fc.constantFrom(...overvoteRules),
  maxSkipped: fc.constantFrom(null, 0, 1, 2),
  duplicate: fc.constantFrom(...duplicateRules),
  tiebreak: fc.constantFrom(...tiebreakRules),
  seed: fc.constantFrom('x', 'y'),
  batchElimination: fc.boolean(),
  continueUntilTwo: fc.boolean(),
  precision: fc.constantFrom(6, 9),
});

function toCsv(ballots: readonly Ballot[]): string {
  const width = Math.max(1, ...ballots.map((ballot) => ballot.ranks.length));
  const header = ['weight', ...Array.from({ length: width }, (_, i) => `rank${i + 1}`)];
  const rows = ballots.map((ballot) => {
    const cells = [...ballot.ranks, ...Array<string>(width - ballot.ranks.length).fill('')];
    return [ballot.weight, ...cells].join(',');
  });
  return [header.join(','), ...rows].join('\n');
}

const count = (ballots: readonly Ballot[], candidates: string[] | null, opts: Partial<TabulationOptions>) =>
  tabulate(readBallotText(toCsv(ballots), { candidates }), opts);

/** An exact decimal (number or string) as an integer count of 10^-places. */
function scaled(value: number | string, places: number): bigint {
  const text = typeof value === 'number' ? value.toFixed(places) : value;
  const [whole = '0', fraction = ''] = text.split('.');
  return BigInt(whole + fraction.padEnd(places, '0').slice(0, places));
}

function roundTotals(result: TabulationResult): { total: bigint; rounds: bigint[] } {
  const places = typeof result.totalWeight === 'string' ? (result.totalWeight.split('.')[1]?.length ?? 0) : 2;
  return {
    total: scaled(result.totalWeight, places),
    rounds: result.rounds.map((round) =>
      [...Object.values(round.tallies), round.exhausted, round.lost ?? 0].reduce<bigint>(
        (sum, value) => sum + scaled(value, places),
        0n,
      ),
    ),
  };
}

describe('tabulation properties', () => {
  it('conserves the total weight in every round: continuing + exhausted (+ lost to STV rounding) = cast', () => {
    fc.assert(
      fc.property(election, options, ({ candidates, ballots }, opts) => {
        fc.pre(opts.method !== 'approval');
        const { total, rounds } = roundTotals(count(ballots, candidates, opts));
        for (const sum of rounds) expect(sum).toBe(total);
      }),
      { numRuns: 300 },
    );
  });

  it('elects in round 1 a candidate with a majority of first preferences (IRV)', () => {
    fc.assert(
      fc.property(election, fc.nat(5), ({ candidates, ballots }, pick) => {
        const favourite = candidates[pick % candidates.length] as string;
        const others = ballots.reduce((sum, ballot) => sum + Number(ballot.weight), 0);
        const landslide = { weight: String(Math.ceil(others) + 1), ranks: [favourite] };
        const result = count([...ballots, landslide], candidates, { method: 'irv' });
        expect(result.rounds).toHaveLength(1);
        expect(result.rounds[0]?.elected).toEqual([favourite]);
      }),
      { numRuns: 200 },
    );
  });

  it('elects the Condorcet winner, when there is one, by Schulze', () => {
    fc.assert(
      fc.property(election, ({ candidates, ballots }) => {
        const result = count(ballots, candidates, { method: 'schulze' });
        if (result.condorcetWinner !== null) expect(result.winners).toEqual([result.condorcetWinner]);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same result, to the last digit, whatever the order of the ballots', () => {
    fc.assert(
      fc.property(
        election.chain(({ ballots }) =>
          fc.tuple(fc.constant(ballots), fc.shuffledSubarray(ballots, { minLength: ballots.length })),
        ),
        options,
        ([ballots, shuffled], opts) => {
          fc.pre(ballots.some((ballot) => ballot.ranks.some((cell) => cell !== '')));
          expect(count(shuffled, null, opts)).toEqual(count(ballots, null, opts));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('agrees with IRV when Meek fills one seat', () => {
    // Except under exhaust-if-multiple: IRV keeps an overvote exhausted (RCTab), while Meek re-reads
    // every ballot at each iteration, so it counts again once one candidate of the overvote is left.
    fc.assert(
      fc.property(election, options, ({ candidates, ballots }, opts) => {
        fc.pre(opts.overvote !== 'exhaust-if-multiple');
        const single = { ...opts, seats: 1, batchElimination: false, continueUntilTwo: false };
        const irv = count(ballots, candidates, { ...single, method: 'irv' });
        const meek = count(ballots, candidates, { ...single, method: 'meek' });
        expect(meek.winners).toEqual(irv.winners);
      }),
      { numRuns: 200 },
    );
  });

  const noise = fc.oneof(
    fc.string({
      unit: fc.constantFrom(',', '"', '=', '\n', '\r', ' ', '-', '.', '1', 'A', 'B', 'é', '\uFEFF'),
    }),
    fc.string({ unit: 'binary' }),
  );

  it('rejects any malformed input with a DomainError, never anything else', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('', 'rank1,rank2\n', 'weight,rank1,rank2\n', '{"ballots":'),
        noise,
        options,
        (prefix, body, opts) => {
          try {
            tabulate(readBallotText(prefix + body), opts);
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
