import type { Insertable } from 'kysely';
import { officeWords } from '../../../core/office-words.ts';
import type {
  ElectionsTable,
  RacesTable,
  ResultSetsTable,
  ResultUnitsTable,
  ResultVotesTable,
} from '../../../db/tables/map.ts';
import type { JurisdictionKey } from '../datasets/bundle.ts';
import { electionId, raceId, resultSetId } from '../ids.ts';
import type { ParsedRaceCsv } from './races-csv.ts';
import type { ResolvedJurisdictions } from './resolve.ts';

export interface RaceImportRows {
  elections: Insertable<ElectionsTable>[];
  races: Array<Insertable<RacesTable> & { id: string }>;
  resultSets: Insertable<ResultSetsTable>[];
  units: Insertable<ResultUnitsTable>[];
  votes: Insertable<ResultVotesTable>[];
}

/** One result set per election, office and stage: `riverbend-2026-city_council`. */
const setSlug = (race: { election: string; office: string; stage: string }) =>
  `${race.election}-${race.office}${race.stage === 'general' ? '' : `-${race.stage}`}`;

/**
 * The coalition's rows for a checked races file, with ids derived from the coalition and the
 * natural keys (a re-import lands on the same rows). A race with lines or a total gets a result
 * unit on its own jurisdiction; its total defaults to the sum of its lines.
 */
export function raceImportRows(
  parsed: ParsedRaceCsv,
  jurisdictions: Pick<ResolvedJurisdictions, 'ids' | 'names' | 'countries'>,
  coalitionId: string,
): RaceImportRows {
  const idOf = (key: JurisdictionKey) => jurisdictions.ids.get(key) ?? '';
  const races = parsed.races.map((race) => ({
    ...race,
    id: raceId(coalitionId, race.election, race.office, idOf(race.jurisdiction), race.stage),
    setId: resultSetId(coalitionId, setSlug(race)),
  }));
  const firstRaceOf = new Map<string, (typeof races)[number]>();
  for (const race of races) if (!firstRaceOf.has(race.election)) firstRaceOf.set(race.election, race);
  const elections = [...parsed.elections].map(([slug, election]) => {
    const first = firstRaceOf.get(slug);
    return {
      id: electionId(coalitionId, slug),
      coalition_id: coalitionId,
      slug,
      name: election.name,
      country: (first && jurisdictions.countries.get(first.jurisdiction)) ?? 'ZZ',
      election_date: election.date,
    };
  });
  const reported = races.filter((race) => race.lines.length > 0 || race.totalVotes !== null);
  return {
    elections,
    races: races.map((race) => ({
      id: race.id,
      coalition_id: coalitionId,
      election_id: electionId(coalitionId, race.election),
      jurisdiction_id: idOf(race.jurisdiction),
      office: race.office,
      stage: race.stage,
      name: `${officeWords(race.office)} — ${jurisdictions.names.get(race.jurisdiction) ?? race.jurisdiction}`,
      seats: race.seats,
      filing_deadline: race.filingDeadline,
    })),
    resultSets: [...new Map(reported.map((race) => [race.setId, race])).values()].map((race) => ({
      id: race.setId,
      coalition_id: coalitionId,
      slug: setSlug(race),
      name: `${parsed.elections.get(race.election)?.name ?? race.election} — ${officeWords(race.office)}${race.stage === 'general' ? '' : ` (${race.stage})`}`,
      dataset_id: null,
      election_id: electionId(coalitionId, race.election),
      office: race.office,
      unit_kind: race.jurisdiction.slice(0, race.jurisdiction.indexOf(':')),
      measure: 'votes' as const,
    })),
    units: reported.map((race) => ({
      result_set_id: race.setId,
      jurisdiction_id: idOf(race.jurisdiction),
      coalition_id: coalitionId,
      race_id: race.id,
      total_votes: race.totalVotes ?? race.lines.reduce((sum, line) => sum + line.votes, 0),
      invalid_votes: null,
      registered: null,
      published_lean: null,
    })),
    votes: reported.flatMap((race) =>
      race.lines.map((line) => ({
        result_set_id: race.setId,
        jurisdiction_id: idOf(race.jurisdiction),
        coalition_id: coalitionId,
        candidate: line.candidate,
        line: line.line,
        party: line.party,
        votes: line.votes,
        outcome: null,
      })),
    ),
  };
}
