import { notFound } from '../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import * as catalog from './catalog.repository.ts';
import type { JurisdictionKind } from './kinds.ts';
import { leanFigures, twoPartyMargin } from './lean.ts';
import type { RaceVotesView, UnitResultView } from './map.schema.ts';
import * as repo from './results.repository.ts';
import { toRaceView } from './views.ts';
import type { Viewer } from './visibility.ts';

type Figures = Omit<UnitResultView, 'resultSet' | 'jurisdiction' | 'raceId' | 'lines'>;
type Line = UnitResultView['lines'][number];

const pairKey = (setId: string, jurisdictionId: string) => `${setId}|${jurisdictionId}`;

/** The two-party margin of each whole result set: what a unit's lean is measured against. */
async function referenceMargins(db: Db, setIds: readonly string[]): Promise<Map<string, number | null>> {
  const totals = await repo.setTwoPartyTotals(db, [...new Set(setIds)]);
  return new Map(
    totals.map((t) => [t.result_set_id, twoPartyMargin({ dem: t.dem, rep: t.rep, total: null })]),
  );
}

function groupVotes(votes: readonly repo.VoteRow[]): Map<string, Line[]> {
  const grouped = new Map<string, Line[]>();
  for (const v of votes) {
    const key = pairKey(v.result_set_id, v.jurisdiction_id);
    const list = grouped.get(key) ?? [];
    list.push({ candidate: v.candidate, line: v.line, party: v.party, votes: v.votes, outcome: v.outcome });
    grouped.set(key, list);
  }
  return grouped;
}

export function figuresOf(unit: repo.UnitRow, lines: readonly Line[], reference: number | null): Figures {
  const votesByParty: Record<string, number> = {};
  for (const line of lines) votesByParty[line.party] = (votesByParty[line.party] ?? 0) + line.votes;
  const lean = leanFigures(
    { dem: votesByParty.DEM ?? 0, rep: votesByParty.REP ?? 0, total: unit.total_votes },
    reference,
  );
  return {
    totalVotes: unit.total_votes,
    invalidVotes: unit.invalid_votes,
    registered: unit.registered,
    votesByParty,
    dem: lean.dem,
    rep: lean.rep,
    third: lean.third,
    thirdShare: lean.thirdShare,
    margin: lean.margin,
    twoPartyDemShare: lean.twoPartyDemShare,
    lean: unit.published_lean ?? lean.lean,
    publishedLean: unit.published_lean,
  };
}

async function unitResults(db: Db, viewer: Viewer, filter: repo.UnitFilter): Promise<UnitResultView[]> {
  const units = await repo.listUnits(db, viewer, filter);
  const votes = groupVotes(await repo.listVotes(db, viewer, filter));
  const references = await referenceMargins(
    db,
    units.map((u) => u.result_set_id),
  );
  return units.map((unit) => {
    const lines = votes.get(pairKey(unit.result_set_id, unit.jurisdiction_id)) ?? [];
    return {
      resultSet: { id: unit.result_set_id, slug: unit.set_slug, name: unit.set_name },
      jurisdiction: {
        id: unit.jurisdiction_id,
        kind: unit.kind as JurisdictionKind,
        code: unit.code,
        name: unit.name,
      },
      raceId: unit.race_id,
      ...figuresOf(unit, lines, references.get(unit.result_set_id) ?? null),
      lines,
    };
  });
}

/** Every result reported for a race: its own total and the units below it (counties of a state…). */
export async function raceResults(db: Db, viewer: Viewer, raceId: string): Promise<UnitResultView[]> {
  const race = await catalog.findRace(db, viewer, raceId);
  if (!race) throw notFound('map.race_not_found', `No race ${raceId}.`);
  return unitResults(db, viewer, { by: 'race', raceId });
}

/** Every result reported for a jurisdiction, across result sets (or in one set). */
export async function jurisdictionResults(
  db: Db,
  viewer: Viewer,
  jurisdictionId: string,
  setIdOrSlug?: string,
): Promise<UnitResultView[]> {
  const jurisdiction = await catalog.findJurisdiction(db, viewer, jurisdictionId);
  if (!jurisdiction) throw notFound('map.jurisdiction_not_found', `No jurisdiction ${jurisdictionId}.`);
  let setId: string | undefined;
  if (setIdOrSlug) {
    const set = await catalog.findResultSet(db, viewer, setIdOrSlug);
    if (!set) throw notFound('map.result_set_not_found', `No result set "${setIdOrSlug}".`);
    setId = set.id;
  }
  return unitResults(db, viewer, { by: 'jurisdiction', jurisdictionId, setId });
}

/** Every unit of one result set with its lines, read in two queries whatever the set's size. */
export async function setResults(db: Db, viewer: Viewer, setId: string): Promise<UnitResultView[]> {
  return unitResults(db, viewer, { by: 'set', setId });
}

/**
 * The races of an election with their votes by party (and by ballot line): the one call a pact
 * needs, e.g. the 577 French constituencies with votes by nuance, or a year's House districts with
 * votes by party. Races without a reported result come with empty votes.
 */
export async function listRaceVotes(
  db: Db,
  viewer: Viewer,
  electionId: string,
  filter: { office?: string | undefined; stage?: string | undefined } = {},
): Promise<RaceVotesView[]> {
  const election = await catalog.findElection(db, viewer, electionId);
  if (!election) throw notFound('map.election_not_found', `No election ${electionId}.`);
  const { items: races } = await catalog.listRaces(db, viewer, electionId, filter);
  const unitFilter: repo.UnitFilter = { by: 'election', electionId, ...filter };
  const units = await repo.listUnits(db, viewer, unitFilter);
  const votes = groupVotes(await repo.listVotes(db, viewer, unitFilter));
  const references = await referenceMargins(
    db,
    units.map((u) => u.result_set_id),
  );
  const unitByRace = new Map<string, repo.UnitRow>();
  for (const unit of units)
    if (unit.race_id && !unitByRace.has(unit.race_id)) unitByRace.set(unit.race_id, unit);
  return races.map((row) => {
    const { scope: _scope, electionId: _election, ...race } = toRaceView(row);
    const unit = unitByRace.get(row.id);
    if (!unit) {
      return { race, resultSet: null, ...emptyFigures, lines: [] };
    }
    const lines = votes.get(pairKey(unit.result_set_id, unit.jurisdiction_id)) ?? [];
    return {
      race,
      resultSet: { id: unit.result_set_id, slug: unit.set_slug },
      ...figuresOf(unit, lines, references.get(unit.result_set_id) ?? null),
      lines,
    };
  });
}

const emptyFigures: Figures = {
  totalVotes: null,
  invalidVotes: null,
  registered: null,
  votesByParty: {},
  dem: 0,
  rep: 0,
  third: null,
  thirdShare: null,
  margin: null,
  twoPartyDemShare: null,
  lean: null,
  publishedLean: null,
};
