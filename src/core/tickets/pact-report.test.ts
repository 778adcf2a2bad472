import { describe, expect, it } from 'vitest';
import { reportPactResults } from './pact-report.ts';

const c = (
  name: string,
  organizationId: string | null,
  votes: number,
  extra: { pact?: boolean; dissident?: boolean } = {},
) => ({
  name,
  organizationId,
  votes,
  pactCandidate: extra.pact ?? false,
  dissident: extra.dissident ?? false,
});

describe('results against the pact', () => {
  it('counts wins per member against expected wins and finds losses a dissident or a missing cross-endorsement cost', () => {
    const report = reportPactResults(
      [
        {
          raceKey: 'R1',
          raceName: 'One',
          assignedTo: 'A',
          candidates: [c('Ann', 'A', 500, { pact: true }), c('Opp', null, 400)],
        },
        {
          raceKey: 'R2',
          raceName: 'Two',
          assignedTo: 'A',
          candidates: [
            c('Ann2', 'A', 450, { pact: true }),
            c('Opp', null, 480),
            c('Dis', 'B', 60, { dissident: true }),
          ],
        },
        {
          raceKey: 'R3',
          raceName: 'Three',
          assignedTo: 'B',
          candidates: [c('Bo', 'B', 300, { pact: true }), c('Opp', null, 500), c('Own', 'A', 100)],
        },
        {
          raceKey: 'R4',
          raceName: 'Four',
          assignedTo: 'B',
          candidates: [c('Bo2', 'B', 300, { pact: true }), c('Opp', null, 340), c('Own', 'A', 20)],
        },
        { raceKey: 'R5', raceName: 'Five', assignedTo: null, candidates: [] },
        { raceKey: 'R6', raceName: 'Six', assignedTo: 'B', candidates: [] },
      ],
      new Map([
        ['A', 1.4],
        ['B', 1.1],
      ]),
    );
    expect(report.members).toEqual([
      { organizationId: 'A', assigned: 2, won: 1, expectedWins: 1.4 },
      { organizationId: 'B', assigned: 3, won: 0, expectedWins: 1.1 },
    ]);
    expect(report.costlyLosses).toEqual([
      expect.objectContaining({
        raceKey: 'R2',
        margin: 30,
        taken: 60,
        takenBy: [expect.objectContaining({ name: 'Dis', why: 'dissident' })],
      }),
    ]);
    expect(report.missingResults).toEqual(['R6']);
  });

  it('a missing cross-endorsement that would have closed the gap is named', () => {
    const report = reportPactResults(
      [
        {
          raceKey: 'R',
          raceName: 'R',
          assignedTo: 'B',
          candidates: [c('Bo', 'B', 300, { pact: true }), c('Opp', null, 340), c('Own', 'A', 41)],
        },
      ],
      new Map(),
    );
    expect(report.costlyLosses[0]?.takenBy).toEqual([
      { name: 'Own', organizationId: 'A', votes: 41, why: 'missing_cross_endorsement' },
    ]);
  });
});
