import { offices } from '../kinds.ts';
import { type ElectionSpec, jurisdictionKey, type RaceSpec, type ResultSetSpec } from './bundle.ts';
import { stateByFips } from './us-states.ts';

/** US general elections fall on the Tuesday after the first Monday of November. */
export function usGeneralElectionDate(year: number): string {
  const novemberFirst = new Date(Date.UTC(year, 10, 1)).getUTCDay();
  const firstMonday = 1 + ((8 - novemberFirst) % 7);
  return `${year}-11-${String(firstMonday + 1).padStart(2, '0')}`;
}

export const usGeneralElectionSlug = (year: number) => `us-${year}-general`;

export function usGeneralElection(year: number): ElectionSpec {
  return {
    slug: usGeneralElectionSlug(year),
    name: `United States general election ${year}`,
    country: 'US',
    date: usGeneralElectionDate(year),
  };
}

/** Each state (and DC) chooses its presidential electors in one statewide race. */
export function presidentialRace(year: number, stateFips: string): RaceSpec {
  const state = stateByFips(stateFips);
  return {
    election: usGeneralElectionSlug(year),
    office: offices.usPresident,
    jurisdiction: jurisdictionKey('state', stateFips),
    stage: 'general',
    name: `President — ${state?.name ?? stateFips}`,
    seats: 1,
    filingDeadline: null,
  };
}

export function presidentialResultSet(
  year: number,
  level: 'state' | 'county',
  source: string,
): ResultSetSpec {
  return {
    slug: `us-president-${year}-${level}`,
    name: `US President ${year} by ${level} (${source})`,
    election: usGeneralElectionSlug(year),
    office: offices.usPresident,
    unitKind: level,
    measure: 'votes',
  };
}
