import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BallotAccessRow,
  checkFusion,
  type NominationLine,
  readFusionRule,
  type StateFusionRule,
} from './fusion.ts';

const row = (statePo: string, fusion: string, fusionNotes: string): BallotAccessRow => ({
  statePo,
  state: `State ${statePo}`,
  fusion,
  fusionNotes,
  retentionRule: '',
  source: 'test source',
  asOf: '2026',
});

const rules = new Map<string, StateFusionRule>(
  [
    row('AA', 'no', 'Not among the fusion states.'),
    row(
      'BB',
      'yes',
      'Full (disaggregated) fusion. A qualified party nominating a non-member needs a Wilson-Pakula authorization.',
    ),
    row(
      'CC',
      'yes',
      'Aggregated fusion: a candidate may accept up to three party nominations and appears once.',
    ),
    row('DD', 'limited', 'Only when a candidate wins another party primary through write-in votes.'),
    row('EE', '', 'Conflicting sources.'),
  ].map((r) => [r.statePo, readFusionRule(r)]),
);

const line = (label: string, extra: Partial<NominationLine> = {}): NominationLine => ({
  kind: 'party',
  organizationId: label,
  label,
  candidateIsMember: true,
  wilsonPakula: false,
  ...extra,
});
const noFacts = { writeInPrimaryWon: null, manualRuling: null };
const us = (statePo: string) => ({
  place: { country: 'US' as const, statePo },
  rules,
  nonUsMultipleLines: false,
});
const codes = (check: ReturnType<typeof checkFusion>) => check.problems.map((p) => p.code);

describe('reading a ballot-access row', () => {
  it('reads the law, the display, a cap and Wilson-Pakula from the notes', () => {
    expect(rules.get('BB')).toMatchObject({
      law: 'yes',
      display: 'separate',
      maxPartyNominations: null,
      wilsonPakula: true,
    });
    expect(rules.get('CC')).toMatchObject({
      law: 'yes',
      display: 'aggregated',
      maxPartyNominations: 3,
      wilsonPakula: false,
    });
    expect(rules.get('EE')?.law).toBe('unknown');
    expect(rules.get('DD')?.law).toBe('limited');
  });
});

describe('checkFusion', () => {
  it('refuses two party lines where fusion is barred, naming the state and the rule, and offers endorsement', () => {
    const check = checkFusion([line('A'), line('B')], noFacts, us('AA'));
    expect(check.ok).toBe(false);
    expect(check.problems[0]).toMatchObject({
      code: 'fusion.not_allowed',
      statePo: 'AA',
      state: 'State AA',
      offer: 'endorsement',
    });
  });

  it('an endorsement is not a line: one line plus endorsements is fine anywhere', () => {
    const check = checkFusion([line('A'), line('B', { kind: 'endorsement' })], noFacts, us('AA'));
    expect(check).toMatchObject({ ok: true, partyLines: 1, display: 'single' });
  });

  it('allows fusion where the law says yes, on separate or aggregated lines', () => {
    expect(checkFusion([line('A'), line('B')], noFacts, us('BB'))).toMatchObject({
      ok: true,
      display: 'separate',
    });
    expect(checkFusion([line('A'), line('B')], noFacts, us('CC'))).toMatchObject({
      ok: true,
      display: 'aggregated',
    });
  });

  it('caps the nominations where the notes say "up to three"', () => {
    const four = ['A', 'B', 'C', 'D'].map((l) => line(l));
    expect(codes(checkFusion(four, noFacts, us('CC')))).toEqual(['fusion.too_many_nominations']);
    expect(checkFusion(four.slice(0, 3), noFacts, us('CC')).ok).toBe(true);
  });

  it('asks for the Wilson-Pakula authorization of a line nominating a non-member, even without fusion', () => {
    const check = checkFusion([line('A', { candidateIsMember: false })], noFacts, us('BB'));
    expect(check.problems).toEqual([
      expect.objectContaining({ code: 'fusion.wilson_pakula_missing', line: 'A' }),
    ]);
    expect(
      checkFusion([line('A', { candidateIsMember: false, wilsonPakula: true })], noFacts, us('BB')).ok,
    ).toBe(true);
  });

  it('limited fusion asks for the write-in fact, then follows it', () => {
    const lines = [line('A'), line('B')];
    expect(codes(checkFusion(lines, noFacts, us('DD')))).toEqual(['fusion.write_in_fact_required']);
    expect(checkFusion(lines, { writeInPrimaryWon: true, manualRuling: null }, us('DD')).ok).toBe(true);
    expect(codes(checkFusion(lines, { writeInPrimaryWon: false, manualRuling: null }, us('DD')))).toEqual([
      'fusion.limited_condition_unmet',
    ]);
  });

  it('an unknown law needs a recorded manual ruling, then follows it', () => {
    const lines = [line('A'), line('B')];
    expect(codes(checkFusion(lines, noFacts, us('EE')))).toEqual(['fusion.ruling_required']);
    expect(
      checkFusion(
        lines,
        { writeInPrimaryWon: null, manualRuling: { allowed: true, note: 'counsel' } },
        us('EE'),
      ).ok,
    ).toBe(true);
    expect(
      codes(
        checkFusion(
          lines,
          { writeInPrimaryWon: null, manualRuling: { allowed: false, note: 'no' } },
          us('EE'),
        ),
      ),
    ).toEqual(['fusion.ruled_out']);
  });

  it('outside the US the coalition setting decides', () => {
    const lines = [line('A'), line('B')];
    const place = { country: 'FR', statePo: null };
    expect(codes(checkFusion(lines, noFacts, { place, rules, nonUsMultipleLines: false }))).toEqual([
      'fusion.not_allowed_by_coalition',
    ]);
    expect(checkFusion(lines, noFacts, { place, rules, nonUsMultipleLines: true }).ok).toBe(true);
  });

  it('property: a single line never breaks a fusion rule, and adding an endorsement never changes the verdict', () => {
    const states = [...rules.keys()];
    fc.assert(
      fc.property(fc.constantFrom(...states), fc.integer({ min: 0, max: 5 }), (statePo, parties) => {
        const lines = Array.from({ length: parties }, (_, i) => line(`P${i}`));
        const before = checkFusion(lines, noFacts, us(statePo));
        const after = checkFusion([...lines, line('E', { kind: 'endorsement' })], noFacts, us(statePo));
        expect(after.ok).toBe(before.ok);
        if (parties <= 1) expect(before.ok).toBe(true);
      }),
    );
  });
});
