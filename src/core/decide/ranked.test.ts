import { describe, expect, it } from 'vitest';
import { decideRanked, type RankedBallot, type RankedMethod } from './ranked.ts';
import { asOrganizationId, type Weighting } from './types.ts';

const options = ['Ada', 'Ben', 'Cleo'];
const [A, B, C] = [0, 1, 2];

function run(
  method: RankedMethod,
  voters: [string, number][],
  ballots: [string, [number[], number][]][],
  extra: { weighting?: Weighting; seats?: number; quorum?: { num: number; den: number } } = {},
) {
  return decideRanked({
    method,
    seats: extra.seats ?? 1,
    options,
    weighting: extra.weighting ?? { kind: 'equal' },
    quorum: extra.quorum ?? { num: 1, den: 2 },
    voters: voters.map(([id, strength]) => ({ organizationId: asOrganizationId(id), strength })),
    ballots: ballots.map(
      ([id, parts]): RankedBallot => ({
        organizationId: asOrganizationId(id),
        parts: parts.map(([ranking, share]) => ({ ranking, share })),
      }),
    ),
    seed: 'decision-1',
  });
}

const five: [string, number][] = [
  ['o1', 1],
  ['o2', 1],
  ['o3', 1],
  ['o4', 1],
  ['o5', 1],
];

describe('ranked decisions through the tabulation engine', () => {
  it('runs IRV among organizations: the transfer from the last candidate decides', () => {
    const result = run('irv', five, [
      ['o1', [[[A, B], 1000]]],
      ['o2', [[[A, C], 1000]]],
      ['o3', [[[B, C], 1000]]],
      ['o4', [[[C, B], 1000]]],
      ['o5', [[[C, A], 1000]]],
    ]);
    expect(result.outcome).toBe('decided');
    expect(result.winners).toEqual(['Cleo']);
    expect(result.count?.rounds.map((r) => r.tallies)).toEqual([
      { Ada: 2, Ben: 1, Cleo: 2 },
      { Ada: 2, Cleo: 3 },
    ]);
  });

  it('weighs organizations by strength, and a cap changes who wins', () => {
    const voters: [string, number][] = [
      ['big', 6000],
      ['mid', 2000],
      ['s1', 1000],
      ['s2', 1000],
    ];
    const ballots: [string, [number[], number][]][] = [
      ['big', [[[A], 1000]]],
      ['mid', [[[B], 1000]]],
      ['s1', [[[B], 1000]]],
      ['s2', [[[C, B], 1000]]],
    ];
    expect(
      run('irv', voters, ballots, { weighting: { kind: 'strength', capPermille: null } }).winners,
    ).toEqual(['Ada']);
    const capped = run('irv', voters, ballots, { weighting: { kind: 'strength', capPermille: 400 } });
    expect(capped.weights.map((w) => [w.organizationId, w.share])).toEqual([
      ['big', '0.400000'],
      ['mid', '0.300000'],
      ['s1', '0.150000'],
      ['s2', '0.150000'],
    ]);
    expect(capped.winners).toEqual(['Ben']);
  });

  it('splits a delegation across two rankings in exact thousandths', () => {
    const result = run('irv', five.slice(0, 3), [
      [
        'o1',
        [
          [[A, B], 700],
          [[B, A], 300],
        ],
      ],
      ['o2', [[[B], 1000]]],
      ['o3', [[[C, A], 1000]]],
    ]);
    expect(result.count?.rounds[0]?.tallies).toEqual({ Ada: 0.7, Ben: 1.3, Cleo: 1 });
    expect(result.count?.totalWeight).toBe(3);
    expect(result.winners).toEqual(['Ben']);
  });

  it('elects the Condorcet winner with Schulze, and two approved options with approval', () => {
    const schulze = run('schulze', five, [
      ['o1', [[[A, B, C], 1000]]],
      ['o2', [[[B, A, C], 1000]]],
      ['o3', [[[B, C, A], 1000]]],
      ['o4', [[[C, B, A], 1000]]],
      ['o5', [[[A, B, C], 1000]]],
    ]);
    expect(schulze.count?.condorcetWinner).toBe('Ben');
    expect(schulze.winners).toEqual(['Ben']);
    const approval = run(
      'approval',
      five,
      [
        ['o1', [[[A, B], 1000]]],
        ['o2', [[[B], 1000]]],
        ['o3', [[[B, C], 1000]]],
        ['o4', [[[C], 1000]]],
        ['o5', [[[A, C], 1000]]],
      ],
      { seats: 2 },
    );
    expect(approval.count?.rounds[0]?.tallies).toEqual({ Ada: 2, Ben: 3, Cleo: 3 });
    expect([...approval.winners].sort()).toEqual(['Ben', 'Cleo']);
  });

  it('counts nothing without a quorum', () => {
    const result = run('irv', five, [['o1', [[[A], 1000]]]]);
    expect(result).toMatchObject({
      outcome: 'no_quorum',
      count: null,
      quorum: { voted: 1, needed: 3, met: false },
    });
  });
});
