import { describe, expect, it } from 'vitest';
import type { PactRaceView } from '../../api/pacts.ts';
import { buildRows, filterRows, type RowFilter, sortRows } from './assignment-rows.ts';
import type { RaceOdds } from './race-odds.ts';

const member = (key: string, name: string) => ({
  organizationId: `00000000-0000-4000-8000-${key.padStart(12, '0')}`,
  key,
  name,
});
const greens = member('1', 'Harbor Greens');
const front = member('2', "Workers' Common Front");

const race = (key: string, name: string, patch: Partial<PactRaceView> = {}): PactRaceView => ({
  key,
  name,
  seats: 1,
  totalVotes: 1000,
  incumbentParty: null,
  votesByParty: {},
  assigned: null,
  explanation: null,
  lock: null,
  vetoes: [],
  consents: [],
  ...patch,
});

const consent = (stance: 'consent' | 'object', current = true) => ({
  organization: { id: greens.organizationId, name: greens.name },
  stance,
  note: '',
  versionNumber: 1,
  assignedTo: null,
  current,
  recordedAt: '2026-11-23T12:00:00.000Z',
});

const races = [
  race('MI-10', 'Michigan district 10', {
    assigned: front,
    explanation: '2: 0.40 chance to win; swapped with 2 for race "26001": 0.10 more expected wins',
  }),
  race('MI-2', 'Michigan district 2', {
    assigned: greens,
    lock: greens,
    consents: [consent('object')],
    explanation: '1: 0.90 chance to win; locked to this member',
  }),
  race('MI-1', 'Michigan district 1', {
    assigned: null,
    vetoes: [front],
    consents: [consent('consent', false)],
  }),
  race('26001', 'Alcona', { assigned: greens }),
];
const odds = new Map<string, RaceOdds>([
  ['MI-10', { byMember: [{ key: '2', probability: 0.4 }], tier: 'contested' }],
  ['MI-2', { byMember: [{ key: '1', probability: 0.9 }], tier: 'safe' }],
  ['26001', { byMember: [{ key: '1', probability: 0.1 }], tier: 'difficult' }],
]);
const rows = buildRows(
  races,
  odds,
  new Map([
    ['1', greens.name],
    ['2', front.name],
  ]),
  new Map([
    ['MI-2', { createdAt: '2026-12-03T09:00:00.000Z', createdBy: 'Sam Rivera', origin: 'manual' as const }],
  ]),
);
const none: RowFilter = { text: '', member: '', rule: '', tier: '' };

describe('assignment rows', () => {
  it('reads the assigned member’s odds, counts only current stances and names members in explanations', () => {
    const [d10, d2, d1] = rows;
    expect(d10?.probability).toBe(0.4);
    // Members and races by name, no keys: the member "gets" the race; a lock says who and when.
    expect(d10?.explanation).toBe(
      "Workers' Common Front gets Michigan district 10: 0.40 chance to win; swapped with Workers' Common Front for Alcona: 0.10 more expected wins",
    );
    expect(d2?.explanation).toBe(
      `${greens.name} gets Michigan district 2: 0.90 chance to win; locked by Sam Rivera on 3 Dec`,
    );
    expect(d2).toMatchObject({ probability: 0.9, tier: 'safe', consents: 0, objections: 1 });
    expect(d1).toMatchObject({ probability: null, tier: null, consents: 0, objections: 0 });
  });

  it('filters by text without accents or case, by member, by rule and by tier', () => {
    const keys = (filter: Partial<RowFilter>) => filterRows(rows, { ...none, ...filter }).map((r) => r.key);
    expect(keys({ text: 'ALCONA' })).toEqual(['26001']);
    expect(keys({ text: 'mi-1' })).toEqual(['MI-10', 'MI-1']);
    expect(keys({ member: '1' })).toEqual(['MI-2', '26001']);
    expect(keys({ rule: 'locked' })).toEqual(['MI-2']);
    expect(keys({ rule: 'vetoed' })).toEqual(['MI-1']);
    expect(keys({ rule: 'objection' })).toEqual(['MI-2']);
    expect(keys({ rule: 'open' })).toEqual(['MI-1']);
    expect(keys({ tier: 'difficult' })).toEqual(['26001']);
  });

  it('sorts codes as people read them and keeps missing values last either way', () => {
    const order = (key: 'race' | 'member' | 'probability' | 'tier', descending: boolean) =>
      sortRows(rows, { key, descending }).map((r) => r.key);
    expect(order('race', false)).toEqual(['26001', 'MI-1', 'MI-2', 'MI-10']);
    expect(order('race', true)).toEqual(['MI-10', 'MI-2', 'MI-1', '26001']);
    expect(order('probability', true)).toEqual(['MI-2', 'MI-10', '26001', 'MI-1']);
    expect(order('probability', false)).toEqual(['26001', 'MI-10', 'MI-2', 'MI-1']);
    expect(order('tier', false)).toEqual(['MI-2', 'MI-10', '26001', 'MI-1']);
    expect(order('member', false)).toEqual(['26001', 'MI-2', 'MI-10', 'MI-1']);
  });
});
