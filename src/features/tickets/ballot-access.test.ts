import { describe, expect, it } from 'vitest';
import { checkFusion, type NominationLine } from '../../core/tickets/fusion.ts';
import { decideRetention, retentionReadings } from '../../core/tickets/retention.ts';
import { loadBallotAccess } from './ballot-access.ts';

/** The rules as the shipped table states them: no state is named in the code that decides. */
const line = (label: string): NominationLine => ({
  kind: 'party',
  organizationId: label,
  label,
  candidateIsMember: true,
  wilsonPakula: false,
});
const facts = { writeInPrimaryWon: null, manualRuling: null };

describe('fusion from the shipped us-ballot-access table', () => {
  it('covers 50 states and DC', async () => {
    expect((await loadBallotAccess()).rows.size).toBe(51);
  });

  it('refuses two party lines in Michigan (fusion: no), naming the state and its rule, offering endorsement', async () => {
    const { fusion } = await loadBallotAccess();
    const check = checkFusion([line('Workers'), line('Greens')], facts, {
      place: { country: 'US', statePo: 'MI' },
      rules: fusion,
      nonUsMultipleLines: false,
    });
    expect(check.ok).toBe(false);
    expect(check.problems[0]).toMatchObject({
      code: 'fusion.not_allowed',
      state: 'Michigan',
      offer: 'endorsement',
    });
    expect(check.rule.source).toContain('ballotpedia.org');
  });

  it('allows fusion in New York and Connecticut, on separate lines', async () => {
    const { fusion } = await loadBallotAccess();
    for (const statePo of ['NY', 'CT']) {
      const check = checkFusion([line('Workers'), line('Greens')], facts, {
        place: { country: 'US', statePo },
        rules: fusion,
        nonUsMultipleLines: false,
      });
      expect(check, statePo).toMatchObject({ ok: true, display: 'separate', partyLines: 2 });
    }
    expect(fusion.get('NY')?.wilsonPakula).toBe(true);
    expect(fusion.get('CT')?.wilsonPakula).toBe(false);
  });

  it('reads Oregon and Vermont as aggregated, Oregon capped at three; NH limited; DC, ID, SD unknown', async () => {
    const { fusion } = await loadBallotAccess();
    expect(fusion.get('OR')).toMatchObject({ law: 'yes', display: 'aggregated', maxPartyNominations: 3 });
    expect(fusion.get('VT')).toMatchObject({ law: 'yes', display: 'aggregated', maxPartyNominations: null });
    expect(fusion.get('NH')?.law).toBe('limited');
    expect(['DC', 'ID', 'SD'].map((s) => fusion.get(s)?.law)).toEqual(['unknown', 'unknown', 'unknown']);
    const allowed = [...fusion.values()].filter((r) => r.law === 'yes').map((r) => r.statePo);
    expect(allowed.sort()).toEqual(['CT', 'MS', 'NY', 'OR', 'VT']);
  });

  it('every retention reading still matches its state’s shipped rule text', async () => {
    const { rows } = await loadBallotAccess();
    for (const reading of retentionReadings) {
      const text = rows.get(reading.statePo)?.retentionRule ?? '';
      expect(text, reading.statePo).toContain(reading.readsFrom);
    }
    const ny = rows.get('NY')?.retentionRule ?? '';
    expect(
      decideRetention({
        statePo: 'NY',
        ruleText: ny,
        office: 'governor',
        raceTotal: 5_900_000,
        winnerVotes: 0,
        lineVotes: 129_999,
      }),
    ).toMatchObject({ kind: 'loses', threshold: 130_000 });
    const vt = rows.get('VT')?.retentionRule ?? '';
    expect(
      decideRetention({
        statePo: 'VT',
        ruleText: vt,
        office: 'governor',
        raceTotal: 1,
        winnerVotes: 1,
        lineVotes: 1,
      }).kind,
    ).toBe('manual');
  });
});
