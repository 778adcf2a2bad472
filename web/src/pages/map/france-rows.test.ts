import { describe, expect, it } from 'vitest';
import type { RaceVotesView } from '../../api/map.ts';
import { constituencyRows, leadingNuances, nuanceShare, rowMatches, sortRows } from './france-rows.ts';

function race(code: string, name: string, lines: [string, string, number, string][], registered = 1000) {
  const valid = lines.reduce((sum, [, , votes]) => sum + votes, 0);
  const votesByParty: Record<string, number> = {};
  for (const [, party, votes] of lines) votesByParty[party] = (votesByParty[party] ?? 0) + votes;
  return {
    race: {
      id: `race-${code}`,
      office: 'fr_assemblee_nationale',
      stage: 'first_round',
      name: `Assemblée nationale — ${code}`,
      seats: 1,
      filingDeadline: null,
      jurisdiction: { id: `j-${code}`, kind: 'foreign_constituency', code, name },
    },
    resultSet: { id: 'set', slug: 'fr' },
    totalVotes: valid,
    invalidVotes: 20,
    registered,
    votesByParty,
    dem: 0,
    rep: 0,
    third: null,
    thirdShare: null,
    margin: null,
    twoPartyDemShare: null,
    lean: null,
    publishedLean: null,
    lines: lines.map(([candidate, party, votes, outcome]) => ({
      candidate,
      line: party,
      party,
      votes,
      outcome,
    })),
  } satisfies RaceVotesView;
}

const races = [
  race('0201', 'Aisne, 1re circonscription', [
    ['Anne A', 'RN', 500, 'elected'],
    ['Béa B', 'UG', 300, 'lost'],
  ]),
  race('0101', 'Ain, 1re circonscription', [
    ['Chloé C', 'UG', 300, 'runoff'],
    ['Denis D', 'RN', 400, 'runoff'],
    ['Éric E', 'ENS', 250, 'runoff'],
  ]),
  race('7501', 'Paris, 1re circonscription', [
    ['Fanny F', 'ENS', 450, 'runoff'],
    ['Gil G', 'UG', 350, 'runoff'],
  ]),
];
const rows = constituencyRows(races);

describe('constituency rows', () => {
  it('orders candidates by votes and reads the outcome', () => {
    const ain = rows[1];
    expect(ain?.candidates.map((c) => c.name)).toEqual(['Denis D', 'Chloé C', 'Éric E']);
    expect(ain?.elected).toBeNull();
    expect(ain?.qualified.map((c) => c.nuance)).toEqual(['RN', 'UG', 'ENS']);
    expect(rows[0]?.elected?.name).toBe('Anne A');
    expect(ain?.turnout).toBeCloseTo(970 / 1000);
    expect(ain && nuanceShare(ain, 'RN')).toBeCloseTo(400 / 950);
    expect(ain && nuanceShare(ain, 'LR')).toBe(0);
  });

  it('gives columns to the nuances with most votes nationally', () => {
    expect(leadingNuances(rows, 2)).toEqual(['UG', 'RN']);
  });

  it('sorts by code, by a nuance share and by outcome, both ways', () => {
    const codes = (sorted: typeof rows) => sorted.map((r) => r.code);
    expect(codes(sortRows(rows, { key: 'constituency', descending: false }))).toEqual([
      '0101',
      '0201',
      '7501',
    ]);
    expect(codes(sortRows(rows, { key: 'constituency', descending: true }))).toEqual([
      '7501',
      '0201',
      '0101',
    ]);
    expect(codes(sortRows(rows, { key: 'nuance:RN', descending: true }))).toEqual(['0201', '0101', '7501']);
    // Elected first, then a duel, then a three-way runoff.
    expect(codes(sortRows(rows, { key: 'outcome', descending: false }))).toEqual(['0201', '7501', '0101']);
  });

  it('searches names, codes, candidates and nuances, ignoring accents and case', () => {
    const found = (q: string) => rows.filter((r) => rowMatches(r, q)).map((r) => r.code);
    expect(found('paris')).toEqual(['7501']);
    expect(found('0101')).toEqual(['0101']);
    expect(found('eric')).toEqual(['0101']);
    expect(found('ens')).toEqual(['0101', '7501']);
    expect(found('  ')).toEqual(['0201', '0101', '7501']);
  });
});
