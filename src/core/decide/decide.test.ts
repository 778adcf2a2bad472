import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import golden from './decide.golden.json' with { type: 'json' };
import { decideMajority } from './decide.ts';
import {
  asOrganizationId,
  type MajorityBallot,
  type MajorityMethod,
  type Voter,
  type Weighting,
} from './types.ts';
import { weighVoters } from './weights.ts';

interface GoldenCase {
  name: string;
  input: {
    method: MajorityMethod;
    weighting: Weighting;
    quorum: { num: number; den: number };
    voters: [string, number][];
    ballots: [string, number, number, number][];
  };
  expect: Record<string, unknown> & { weights?: [string, string, string][] };
}

const toVoters = (rows: [string, number][]): Voter[] =>
  rows.map(([id, strength]) => ({ organizationId: asOrganizationId(id), strength }));
const toBallots = (rows: [string, number, number, number][]): MajorityBallot[] =>
  rows.map(([id, yes, no, abstain]) => ({
    organizationId: asOrganizationId(id),
    split: { yes, no, abstain },
  }));

describe('decideMajority golden table', () => {
  it.each(golden as unknown as GoldenCase[])('$name', ({ input, expect: expected }) => {
    const result = decideMajority({
      method: input.method,
      weighting: input.weighting,
      quorum: input.quorum,
      voters: toVoters(input.voters),
      ballots: toBallots(input.ballots),
    });
    const { weights, ...tallyExpect } = expected;
    expect(result.tally).toMatchObject(tallyExpect);
    if (weights) {
      expect(result.weights.map((w) => [w.organizationId, w.weight, w.share])).toEqual(weights);
    }
  });
});

const voterList = fc
  .uniqueArray(fc.nat({ max: 30 }), { minLength: 1, maxLength: 12 })
  .chain((ids) =>
    fc.tuple(
      fc.constant(ids.map((i) => `org-${i}`)),
      fc.array(fc.nat({ max: 1_000_000 }), { minLength: ids.length, maxLength: ids.length }),
    ),
  )
  .map(([ids, strengths]) =>
    ids.map((id, i) => ({ organizationId: asOrganizationId(id), strength: strengths[i] ?? 0 })),
  );

const split = fc.tuple(fc.nat({ max: 1000 }), fc.nat({ max: 1000 })).map(([a, b]) => {
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  return { yes: lo, no: hi - lo, abstain: 1000 - hi };
});

describe('weights under a cap', () => {
  it('never gives a voter more than the cap when enough voters carry weight, and keeps the others in proportion', () => {
    fc.assert(
      fc.property(voterList, fc.integer({ min: 50, max: 1000 }), (voters, cap) => {
        const { weights, capNote } = weighVoters(voters, { kind: 'strength', capPermille: cap });
        const total = weights.reduce((s, w) => s + w.weight, 0n);
        if (capNote === null && total > 0n) {
          for (const w of weights) expect(w.weight * 1000n <= BigInt(cap) * total).toBe(true);
        }
        const uncapped = weights
          .map((w, i) => ({ w, raw: BigInt(voters[i]?.strength ?? 0) }))
          .filter(({ w }) => !w.capped);
        for (const a of uncapped) {
          for (const b of uncapped) expect(a.w.weight * b.raw).toBe(b.w.weight * a.raw);
        }
      }),
      { numRuns: 300 },
    );
  });
});

function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('decideMajority properties', () => {
  const scenario = voterList.chain((voters) =>
    fc.tuple(
      fc.constant(voters),
      fc
        .subarray(voters)
        .chain((subset) =>
          fc.tuple(...subset.map((v) => split.map((s) => ({ organizationId: v.organizationId, split: s })))),
        ),
      fc.constantFrom<Weighting>(
        { kind: 'equal' },
        { kind: 'strength', capPermille: null },
        { kind: 'strength', capPermille: 300 },
      ),
    ),
  );

  it('does not depend on the order of the ballots', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), ([voters, ballots, weighting], seed) => {
        const shuffled = seededShuffle(ballots, seed);
        const input = {
          method: { kind: 'majority' } as const,
          weighting,
          quorum: { num: 1, den: 2 },
          voters,
        };
        expect(decideMajority({ ...input, ballots: shuffled })).toEqual(
          decideMajority({ ...input, ballots }),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('counts every organization that voted exactly once across the options', () => {
    fc.assert(
      fc.property(scenario, ([voters, ballots, weighting]) => {
        const { tally } = decideMajority({
          method: { kind: 'majority' },
          weighting,
          quorum: { num: 0, den: 1 },
          voters,
          ballots,
        });
        const orgs = tally.organizations ?? { yes: 'NaN', no: 'NaN', abstain: 'NaN' };
        const orgSum = Number(orgs.yes) + Number(orgs.no) + Number(orgs.abstain);
        expect(orgSum).toBeCloseTo(ballots.length, 9);
        expect(tally.quorum.voted).toBe(ballots.length);
      }),
      { numRuns: 150 },
    );
  });

  it('with equal weights and whole ballots, passes exactly when more say yes than no', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('yes', 'no', 'abstain'), { minLength: 1, maxLength: 40 }),
        (choices) => {
          const voters = choices.map((_, i) => ({ organizationId: asOrganizationId(`o${i}`), strength: 1 }));
          const ballots = choices.map((c, i) => ({
            organizationId: asOrganizationId(`o${i}`),
            split: {
              yes: c === 'yes' ? 1000 : 0,
              no: c === 'no' ? 1000 : 0,
              abstain: c === 'abstain' ? 1000 : 0,
            },
          }));
          const { tally } = decideMajority({
            method: { kind: 'majority' },
            weighting: { kind: 'equal' },
            quorum: { num: 1, den: 2 },
            voters,
            ballots,
          });
          const yes = choices.filter((c) => c === 'yes').length;
          const no = choices.filter((c) => c === 'no').length;
          expect(tally.outcome).toBe(yes > no ? 'passed' : 'rejected');
        },
      ),
      { numRuns: 200 },
    );
  });
});
