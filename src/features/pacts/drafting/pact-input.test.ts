import { describe, expect, it } from 'vitest';
import { allocate } from '../../../core/allocate/index.ts';
import type { StoredMember, VersionSummary } from '../pacts.schema.ts';
import { compareVersions } from '../versions/compare.ts';
import { buildPactInput, memberKey, partyOwners, raceVotes, zoneVotes } from './pact-input.ts';
import { incumbentParty } from './sources.service.ts';

const ids = new Map<string, string>();
/** A distinct organization id per member key. */
const idOf = (key: string) => {
  if (!ids.has(key)) ids.set(key, `00000000-0000-4000-8000-${String(ids.size + 1).padStart(12, '0')}`);
  return ids.get(key) ?? '';
};

const member = (key: string, parties: string[], weight: number, homes: string[] = []): StoredMember => ({
  key,
  organizationId: idOf(key),
  name: key,
  parties,
  weight,
  weightSource: { kind: 'override' },
  position: -0.5,
  homeJurisdictions: homes,
});

const line = (candidate: string, party: string, votes: number, outcome: string | null = null) => ({
  candidate,
  party,
  votes,
  outcome,
});

describe('race votes from result lines', () => {
  const owners = partyOwners([member('labour', ['DEM'], 10), member('greens', ['GRN'], 5)]);

  it('gives mapped parties to their members and makes every other candidate one opponent', () => {
    const votes = raceVotes(
      [
        line('Ana', 'DEM', 500),
        line('Bo', 'GRN', 80),
        line('Cy', 'REP', 450),
        line('Di', 'LIB', 30),
        line('Ed', 'OTH', 20),
      ],
      owners,
    );
    expect(votes).toEqual({ labour: 500, greens: 80, 'other:Cy': 450, 'other:Di': 30, 'other:Ed': 20 });
  });

  it('counts a fusion candidate carried on a member’s line for that member on every line', () => {
    const votes = raceVotes(
      [line('Ana', 'DEM', 500), line('Ana', 'WFP', 60), line('Cy', 'REP', 520)],
      owners,
    );
    expect(votes).toEqual({ labour: 560, 'other:Cy': 520 });
  });

  it('keys opponents by party where results are by party only', () => {
    expect(raceVotes([line('', 'DEM', 10), line('', 'REP', 12), line('', 'OTH', 1)], owners)).toEqual({
      labour: 10,
      'other:REP': 12,
      'other:OTH': 1,
    });
  });

  it('finds the incumbent party: elected, else the plurality winner where no outcome is published', () => {
    expect(incumbentParty([line('A', 'SOC', 10, 'runoff'), line('B', 'RN', 12, 'elected')])).toBe('RN');
    expect(incumbentParty([line('A', 'SOC', 10, 'runoff'), line('B', 'RN', 12, 'runoff')])).toBeNull();
    // Ana's two lines (fusion) together beat Cy.
    expect(incumbentParty([line('Ana', 'DEM', 300), line('Ana', 'WFP', 100), line('Cy', 'REP', 350)])).toBe(
      'DEM',
    );
    expect(incumbentParty([])).toBeNull();
  });
});

describe('zone votes by presence', () => {
  it('shares the pooled base by presence × weight and keeps each unmapped party as one opponent', () => {
    const members = [
      member('local', ['DEM'], 100, ['county:1']),
      member('statewide', ['DEM', 'GRN'], 300, ['state:9']),
      member('far', ['DEM'], 200, ['county:7']),
    ];
    const zone = {
      lines: [line('', 'DEM', 700), line('', 'GRN', 100), line('', 'REP', 600)],
      jurisdictionKeys: ['county:1', 'state:9'],
    };
    const votes = zoneVotes(zone, members, partyOwners(members));
    const claims = { local: 1 * 100, statewide: 0.5 * 300, far: 0.1 * 200 };
    const total = claims.local + claims.statewide + claims.far;
    expect(votes.local).toBeCloseTo((800 * claims.local) / total, 9);
    expect(votes.statewide).toBeCloseTo((800 * claims.statewide) / total, 9);
    expect(votes.far).toBeCloseTo((800 * claims.far) / total, 9);
    expect(votes['other:REP']).toBe(600);
  });
});

describe('buildPactInput', () => {
  it('turns members, races, rules and settings into a pact file the engine accepts', () => {
    const members = [member('labour', ['DEM'], 10), member('greens', ['GRN'], 5)];
    const races = ['d1', 'd2', 'd3'].map((key, i) => ({
      key,
      name: `District ${i + 1}`,
      seats: 1,
      lines: [line('A', 'DEM', 500 + 10 * i), line('B', 'GRN', 90), line('C', 'REP', 520)],
      jurisdictionKeys: [`district:${key}`],
      incumbentParty: i === 0 ? 'REP' : 'DEM',
    }));
    const greens = members[1]?.organizationId ?? '';
    const { input, labels } = buildPactInput({
      kind: 'races',
      members,
      races,
      rules: [
        { raceKey: 'd2', kind: 'lock', organizationId: greens },
        { raceKey: 'd3', kind: 'veto', organizationId: greens },
        { raceKey: 'd1', kind: 'lock', organizationId: 'not-a-member' },
      ],
      settings: { apportionment: 'dhondt', presets: ['incumbent'] },
    });
    expect(input.locks).toEqual([{ race: 'd2', member: 'greens' }]);
    expect(input.vetoes).toEqual([{ race: 'd3', member: 'greens' }]);
    expect(input.races.map((r) => r.incumbent)).toEqual(['other:REP', 'labour', 'labour']);
    expect(labels.races.d1?.name).toBe('District 1');
    const report = allocate(input);
    expect(report.assignments.d2).toBe('greens');
    expect(report.assignments.d3).toBe('labour');
  });

  it('makes readable, unique member keys', () => {
    expect(memberKey('Rassemblement Écologiste — Île', new Set())).toBe('rassemblement-ecologiste-ile');
    expect(memberKey('Greens', new Set(['greens', 'greens-2']))).toBe('greens-3');
    expect(memberKey('!!!', new Set())).toBe('member');
  });
});

describe('compareVersions', () => {
  it('lists the moved races, each member’s gains and losses and the expected-wins delta', () => {
    const members = [member('labour', ['DEM'], 10), member('greens', ['GRN'], 5)];
    const races = ['d1', 'd2', 'd3'].map((key) => ({
      key,
      name: key,
      seats: 1,
      lines: [line('A', 'DEM', 500), line('B', 'GRN', 300), line('C', 'REP', 600)],
      jurisdictionKeys: [],
      incumbentParty: null,
    }));
    const build = (rules: { raceKey: string; kind: 'lock'; organizationId: string }[]) => {
      const { input, labels } = buildPactInput({ kind: 'races', members, races, rules, settings: {} });
      return { labels, result: allocate(input) };
    };
    const before = build([]);
    const held = before.result.assignments.d1 === 'greens' ? members[0] : members[1];
    const after = build([{ raceKey: 'd1', kind: 'lock', organizationId: held?.organizationId ?? '' }]);
    const summary = (number: number) => ({ number }) as VersionSummary;
    const comparison = compareVersions({ summary: summary(1), ...before }, { summary: summary(2), ...after });
    const moved = comparison.moved.find((m) => m.race === 'd1');
    expect(moved?.to?.key).toBe(held?.key);
    expect(comparison.members.find((m) => m.key === held?.key)?.gained).toContain('d1');
    expect(comparison.coalition.expectedWins.delta).toBeCloseTo(
      after.result.expectedWins.pact - before.result.expectedWins.pact,
      12,
    );
    expect(comparison.members.map((m) => m.races.to).reduce((a, b) => a + b, 0)).toBe(3);
  });
});
