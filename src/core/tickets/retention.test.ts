import { describe, expect, it } from 'vitest';
import { decideRetention, type RetentionOffice, retentionReadings } from './retention.ts';

/**
 * One fixture per clear rule: the shipped rule text (a fragment is enough, the reading matches on
 * it), a race, and a line just at and just below the threshold.
 */
const fixtures: Record<string, { office: RetentionOffice; total: number; winner: number; needed: number }> = {
  AL: { office: 'governor', total: 1_000_000, winner: 600_000, needed: 200_000 },
  AR: { office: 'us_president', total: 1_200_000, winner: 700_000, needed: 36_000 },
  CT: { office: 'governor', total: 1_000_001, winner: 500_000, needed: 10_001 },
  GA: { office: 'governor', total: 3_900_000, winner: 2_000_000, needed: 780_000 },
  IL: { office: 'governor', total: 4_000_000, winner: 2_000_000, needed: 200_001 },
  IN: { office: 'secretary_of_state', total: 1_800_000, winner: 1_000_000, needed: 36_000 },
  IA: { office: 'us_president', total: 1_600_000, winner: 900_000, needed: 32_000 },
  MI: { office: 'secretary_of_state', total: 4_400_000, winner: 2_467_859, needed: 24_679 },
  NE: { office: 'us_senate', total: 900_000, winner: 500_000, needed: 45_000 },
  NH: { office: 'us_senate', total: 600_000, winner: 330_000, needed: 24_000 },
  NJ: { office: 'general_assembly', total: 3_000_000, winner: 100_000, needed: 300_000 },
  NY: { office: 'governor', total: 5_900_000, winner: 3_100_000, needed: 130_000 },
  NC: { office: 'governor', total: 5_500_000, winner: 3_000_000, needed: 110_000 },
  OH: { office: 'governor', total: 4_200_000, winner: 2_500_000, needed: 126_000 },
  OK: { office: 'governor', total: 1_150_000, winner: 640_000, needed: 28_750 },
  OR: { office: 'us_senate', total: 2_000_000, winner: 1_100_000, needed: 20_000 },
  RI: { office: 'governor', total: 360_000, winner: 200_000, needed: 18_000 },
  TN: { office: 'us_senate', total: 2_100_000, winner: 1_300_000, needed: 105_000 },
  TX: { office: 'us_senate', total: 11_000_000, winner: 5_900_000, needed: 550_000 },
  WI: { office: 'governor', total: 2_600_000, winner: 1_300_000, needed: 26_000 },
  WY: { office: 'us_house', total: 200_000, winner: 130_000, needed: 4_000 },
};

describe('line retention, one fixture per clear rule', () => {
  it('has a fixture for every reading', () => {
    expect(Object.keys(fixtures).sort()).toEqual(retentionReadings.map((r) => r.statePo).sort());
  });

  for (const reading of retentionReadings) {
    const f = fixtures[reading.statePo];
    it(`${reading.statePo}: "${reading.readsFrom}" needs ${f?.needed} votes`, () => {
      if (!f) throw new Error('no fixture');
      const base = {
        statePo: reading.statePo,
        ruleText: `… ${reading.readsFrom} …`,
        office: f.office,
        raceTotal: f.total,
        winnerVotes: f.winner,
      };
      expect(decideRetention({ ...base, lineVotes: f.needed })).toMatchObject({
        kind: 'keeps',
        threshold: f.needed,
      });
      const below = decideRetention({ ...base, lineVotes: f.needed - 1 });
      expect(below.kind).toBe(reading.otherRoute ? 'manual' : 'loses');
      expect(below.threshold).toBe(f.needed);
    });
  }

  it('New York takes the greater of 130,000 votes and 2%', () => {
    const ny = {
      statePo: 'NY',
      ruleText: 'Greater of 130,000 votes or 2% of the total vote',
      office: 'us_president' as const,
      winnerVotes: 0,
    };
    expect(decideRetention({ ...ny, raceTotal: 8_000_000, lineVotes: 159_999 })).toMatchObject({
      kind: 'loses',
      threshold: 160_000,
    });
    expect(decideRetention({ ...ny, raceTotal: 5_000_000, lineVotes: 130_000 })).toMatchObject({
      kind: 'keeps',
      threshold: 130_000,
    });
  });

  it('a rule that is not a clear threshold, a blank rule, a changed text or another office ask for a manual decision', () => {
    const base = { office: 'governor' as const, raceTotal: 100, winnerVotes: 60, lineVotes: 50 };
    expect(
      decideRetention({
        ...base,
        statePo: 'VT',
        ruleText: 'Re-organize (town committees in at least 10 towns) every odd-numbered year.',
      }),
    ).toMatchObject({ kind: 'manual', ruleText: expect.stringContaining('town committees') });
    expect(decideRetention({ ...base, statePo: 'FL', ruleText: '' }).kind).toBe('manual');
    expect(decideRetention({ ...base, statePo: 'NY', ruleText: 'Greater of 50,000 votes or 1%' }).kind).toBe(
      'manual',
    );
    expect(decideRetention({ ...base, statePo: 'IN', ruleText: 'at least 2% of the SOS vote' }).kind).toBe(
      'manual',
    );
  });
});
