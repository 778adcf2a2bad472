import { describe, expect, it } from 'vitest';
import { checkSplitTicket, sideOf } from './split-ticket.ts';

const left = { candidate: 'Ada', member: 'Left Party', position: -0.6 };
const right = { candidate: 'Ben', member: 'Right Party', position: 0.4 };
const left2 = { candidate: 'Cy', member: 'Red Front', position: -0.2 };

describe('the national split ticket', () => {
  it('reads sides as the pact engine does: 0 and none are on no side', () => {
    expect([sideOf(-0.1), sideOf(0.1), sideOf(0), sideOf(null)]).toEqual(['left', 'right', null, null]);
  });

  it('passes a left–right ticket with the top alternating from the previous cycle', () => {
    const check = checkSplitTicket({
      enabled: true,
      top: right,
      second: left,
      previous: { cycle: 2024, topSide: 'left' },
      overridePassed: false,
    });
    expect(check).toMatchObject({ ok: true, topSide: 'right', problems: [] });
  });

  it('refuses two seats on one side, and the same side on top twice, naming the previous cycle', () => {
    const check = checkSplitTicket({
      enabled: true,
      top: left,
      second: left2,
      previous: { cycle: 2024, topSide: 'left' },
      overridePassed: false,
    });
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual([
      { code: 'ticket.same_side', side: 'left', top: 'Left Party', second: 'Red Front' },
      { code: 'ticket.top_not_alternating', side: 'left', previousCycle: 2024 },
    ]);
  });

  it('a member with no position has no side', () => {
    const check = checkSplitTicket({
      enabled: true,
      top: { ...right, position: null },
      second: left,
      previous: null,
      overridePassed: false,
    });
    expect(check.problems.map((p) => p.code)).toEqual(['ticket.side_unknown']);
  });

  it('a passed override lets a breaking ticket stand, and says so', () => {
    const check = checkSplitTicket({
      enabled: true,
      top: left,
      second: left2,
      previous: null,
      overridePassed: true,
    });
    expect(check).toMatchObject({ ok: true, overridden: true });
    expect(check.problems).toHaveLength(1);
  });

  it('off: any ticket passes', () => {
    expect(
      checkSplitTicket({
        enabled: false,
        top: left,
        second: left2,
        previous: { cycle: 2024, topSide: 'left' },
        overridePassed: false,
      }).ok,
    ).toBe(true);
  });
});
