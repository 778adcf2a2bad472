import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Db } from '../../db/database.ts';
import { timestampFromKey, timestampKey } from '../../db/keyset.ts';
import type {
  CandidateLinesTable,
  CandidatesTable,
  NationalTicketsTable,
  TicketSettingsTable,
} from '../../db/tables/tickets.ts';

/** The only Kysely of the tickets feature. Every query is scoped by the coalition. */

export type CandidateRow = Selectable<CandidatesTable>;
export type LineRow = Selectable<CandidateLinesTable>;
export type NationalTicketRow = Selectable<NationalTicketsTable>;
export type SettingsRow = Selectable<TicketSettingsTable>;

export function findSettings(db: Db, coalitionId: string) {
  return db
    .selectFrom('ticket_settings')
    .selectAll()
    .where('coalition_id', '=', coalitionId)
    .executeTakeFirst();
}

export function upsertSettings(db: Db, row: Insertable<TicketSettingsTable>) {
  const { coalition_id: _id, ...rest } = row;
  return db
    .insertInto('ticket_settings')
    .values(row)
    .onConflict((oc) => oc.column('coalition_id').doUpdateSet(rest))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function insertCandidate(db: Db, row: Insertable<CandidatesTable>) {
  return db.insertInto('candidates').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findCandidate(
  db: Db,
  coalitionId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
) {
  let query = db
    .selectFrom('candidates')
    .selectAll()
    .where('coalition_id', '=', coalitionId)
    .where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

interface CandidateListFilter {
  status?: string | undefined;
  organizationId?: string | undefined;
  raceIds?: readonly string[] | undefined;
  q?: string | undefined;
  ids?: readonly string[] | undefined;
  statuses?: readonly string[] | undefined;
}

/**
 * A keyset page, oldest first: `limit + 1` rows after the (created_at, id) of `after`, each with its
 * `created_key` for the next cursor (served by candidates_coalition_created_idx).
 */
type CandidatePage = { limit: number; after?: readonly [createdKey: string, id: string] | undefined };

export function listCandidates(
  db: Db,
  coalitionId: string,
  filter: CandidateListFilter,
  page?: CandidatePage,
) {
  // An empty list of ids, races or statuses matches nothing: no query.
  if ([filter.statuses, filter.raceIds, filter.ids].some((list) => list?.length === 0))
    return Promise.resolve([]);
  return candidatesQuery(db, coalitionId, filter, page).execute();
}

/** The list's query, unexecuted: test/scale/list-page-plans.test.ts explains it. */
export function candidatesQuery(
  db: Db,
  coalitionId: string,
  filter: CandidateListFilter,
  page?: CandidatePage,
) {
  let query = db
    .selectFrom('candidates')
    .selectAll()
    .select(timestampKey('created_at').as('created_key'))
    .where('coalition_id', '=', coalitionId);
  if (page?.after) {
    const [createdKey, id] = page.after;
    query = query.where((eb) =>
      eb(eb.refTuple('created_at', 'id'), '>', eb.tuple(timestampFromKey(createdKey), id)),
    );
  }
  if (page) query = query.limit(page.limit + 1);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.statuses) query = query.where('status', 'in', [...filter.statuses]);
  if (filter.organizationId) query = query.where('organization_id', '=', filter.organizationId);
  if (filter.raceIds) query = query.where('race_id', 'in', [...filter.raceIds]);
  if (filter.ids) query = query.where('id', 'in', [...filter.ids]);
  if (filter.q) query = query.where('name', 'ilike', `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return query.orderBy('created_at').orderBy('id');
}

export function updateCandidate(db: Db, coalitionId: string, id: string, patch: Updateable<CandidatesTable>) {
  return db
    .updateTable('candidates')
    .set({ ...patch, updated_at: new Date() })
    .where('coalition_id', '=', coalitionId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function insertLine(db: Db, row: Insertable<CandidateLinesTable>) {
  return db.insertInto('candidate_lines').values(row).returningAll().executeTakeFirstOrThrow();
}

export function deleteLine(db: Db, coalitionId: string, candidateId: string, lineId: string) {
  return db
    .deleteFrom('candidate_lines')
    .where('coalition_id', '=', coalitionId)
    .where('candidate_id', '=', candidateId)
    .where('id', '=', lineId)
    .returningAll()
    .executeTakeFirst();
}

export function updateLine(
  db: Db,
  coalitionId: string,
  lineId: string,
  patch: Updateable<CandidateLinesTable>,
) {
  return db
    .updateTable('candidate_lines')
    .set(patch)
    .where('coalition_id', '=', coalitionId)
    .where('id', '=', lineId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listLines(db: Db, coalitionId: string, candidateIds: readonly string[]) {
  if (candidateIds.length === 0) return Promise.resolve([]);
  return (
    db
      .selectFrom('candidate_lines')
      .selectAll()
      .where('coalition_id', '=', coalitionId)
      .where('candidate_id', 'in', [...candidateIds])
      // Party lines first, then the coalition's, then endorsements; a transaction's rows share one now().
      .orderBy(sql`case kind when 'party' then 0 when 'coalition' then 1 else 2 end`)
      .orderBy('created_at')
      .orderBy('label')
      .execute()
  );
}

/** A race with its election and jurisdiction, as the tickets feature shows it. */
function raceRows(db: Db) {
  return db
    .selectFrom('races')
    .innerJoin('elections', 'elections.id', 'races.election_id')
    .innerJoin('jurisdictions', 'jurisdictions.id', 'races.jurisdiction_id')
    .select([
      'races.id',
      'races.name',
      'races.office',
      sql<string | null>`races.filing_deadline::text`.as('filing_deadline'),
      'elections.name as election_name',
      sql<string>`elections.election_date::text`.as('election_date'),
      'jurisdictions.id as jurisdiction_id',
      'jurisdictions.kind as jurisdiction_kind',
      'jurisdictions.code as jurisdiction_code',
      'jurisdictions.country',
    ]);
}

/** Races the coalition may see (the reference map and its own), with their election and jurisdiction. */
export function findRaces(db: Db, coalitionId: string, raceIds: readonly string[]) {
  if (raceIds.length === 0) return Promise.resolve([]);
  return raceRows(db)
    .where('races.id', 'in', [...raceIds])
    .where((eb) => eb.or([eb('races.coalition_id', 'is', null), eb('races.coalition_id', '=', coalitionId)]))
    .execute();
}
export type RaceRow = Awaited<ReturnType<typeof findRaces>>[number];

/** Jurisdictions by id with their parent and USPS code, reference or the coalition's own. */
export function findJurisdictions(db: Db, coalitionId: string | null, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('jurisdictions')
    .select(['id', 'kind', 'code', 'name', 'parent_id', 'abbr', 'country'])
    .where('id', 'in', [...ids])
    .where((eb) =>
      coalitionId === null
        ? eb('coalition_id', 'is', null)
        : eb.or([eb('coalition_id', 'is', null), eb('coalition_id', '=', coalitionId)]),
    )
    .execute();
}

export function listMembers(db: Db, coalitionId: string) {
  return db
    .selectFrom('organizations')
    .select(['id', 'name', 'status', 'position'])
    .where('coalition_id', '=', coalitionId)
    .execute();
}

/** Rows of ratified pacts held for some map races (the pact's key, to read the version's assignment). */
export function findPactRacesForMapRaces(db: Db, pactIds: readonly string[], raceIds: readonly string[]) {
  if (pactIds.length === 0 || raceIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('pact_races')
    .select(['pact_id', 'key', 'name', 'map_race_id'])
    .where('pact_id', 'in', [...pactIds])
    .where('map_race_id', 'in', [...raceIds])
    .execute();
}

export function insertNationalTicket(db: Db, row: Insertable<NationalTicketsTable>) {
  return db.insertInto('national_tickets').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findNationalTicket(db: Db, coalitionId: string, id: string) {
  return db
    .selectFrom('national_tickets')
    .selectAll()
    .where('coalition_id', '=', coalitionId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function listNationalTickets(db: Db, coalitionId: string) {
  return db
    .selectFrom('national_tickets')
    .selectAll()
    .where('coalition_id', '=', coalitionId)
    .orderBy('cycle', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

/** The ticket of the latest cycle before `cycle` that stands (accepted). */
export function findPreviousTicket(db: Db, coalitionId: string, office: string, cycle: number) {
  return db
    .selectFrom('national_tickets')
    .selectAll()
    .where('coalition_id', '=', coalitionId)
    .where('office', '=', office)
    .where('status', '=', 'accepted')
    .where('cycle', '<', cycle)
    .orderBy('cycle', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function updateNationalTicket(db: Db, id: string, patch: Updateable<NationalTicketsTable>) {
  return db
    .updateTable('national_tickets')
    .set(patch)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function replaceResults(
  db: Db,
  coalitionId: string,
  raceIds: readonly string[],
  rows: {
    race_id: string;
    candidate_name: string;
    candidate_id: string | null;
    line: string;
    votes: number;
  }[],
  importedBy: string,
) {
  if (raceIds.length > 0)
    await db
      .deleteFrom('candidate_results')
      .where('coalition_id', '=', coalitionId)
      .where('race_id', 'in', [...raceIds])
      .execute();
  for (let start = 0; start < rows.length; start += 1000) {
    await db
      .insertInto('candidate_results')
      .values(
        rows
          .slice(start, start + 1000)
          .map((r) => ({ ...r, coalition_id: coalitionId, imported_by: importedBy })),
      )
      .execute();
  }
}

export function listResults(db: Db, coalitionId: string, raceIds: readonly string[]) {
  if (raceIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('candidate_results')
    .select(['race_id', 'candidate_name', 'candidate_id', 'line', 'votes'])
    .where('coalition_id', '=', coalitionId)
    .where('race_id', 'in', [...raceIds])
    .orderBy('race_id')
    .orderBy('candidate_name')
    .orderBy('line')
    .execute();
}

/** Races visible to the coalition in the given elections (by slug), keyed for a results file. */
export function findRacesByKeys(db: Db, coalitionId: string, electionSlugs: readonly string[]) {
  if (electionSlugs.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('races')
    .innerJoin('elections', 'elections.id', 'races.election_id')
    .innerJoin('jurisdictions', 'jurisdictions.id', 'races.jurisdiction_id')
    .select([
      'races.id',
      'races.office',
      'races.seats',
      'elections.slug',
      'jurisdictions.kind',
      'jurisdictions.code',
    ])
    .where('elections.slug', 'in', [...electionSlugs])
    .where((eb) => eb.or([eb('races.coalition_id', 'is', null), eb('races.coalition_id', '=', coalitionId)]))
    .where((eb) =>
      eb.or([eb('elections.coalition_id', 'is', null), eb('elections.coalition_id', '=', coalitionId)]),
    )
    .execute();
}

export function listAllResults(db: Db, coalitionId: string) {
  return db
    .selectFrom('candidate_results')
    .select(['race_id', 'candidate_name', 'candidate_id', 'line', 'votes'])
    .where('coalition_id', '=', coalitionId)
    .execute();
}

/** The map races held by some pacts. */
export function listPactMapRaces(db: Db, pactIds: readonly string[]) {
  if (pactIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('pact_races')
    .select(['pact_id', 'map_race_id'])
    .where('pact_id', 'in', [...pactIds])
    .execute();
}

/** A pact version's per-member figures (the report's `members`), without its input. */
export function findVersionMembers(db: Db, pactId: string, number: number) {
  return db
    .selectFrom('pact_versions')
    .select(sql<unknown>`result->'members'`.as('members'))
    .where('pact_id', '=', pactId)
    .where('number', '=', number)
    .executeTakeFirst();
}

export function findCoalitionName(db: Db, coalitionId: string) {
  return db
    .selectFrom('coalitions')
    .select(['name', 'slug'])
    .where('id', '=', coalitionId)
    .executeTakeFirstOrThrow();
}

/** The coalition's own races (imported), the ones members nominate for, newest election first. */
export interface RaceSearch {
  /** Part of the race's name, its office or its place's name. */
  q?: string | undefined;
  /** The two-letter code of the state the race's place lies in (itself or an ancestor). */
  state?: string | undefined;
}

/** A keyset page in name order: `limit + 1` rows after the (name, id) of `after`. */
export interface RacePage {
  limit: number;
  after?: readonly [name: string, id: string] | undefined;
}

/** The coalition's own races that match, in name order (served by races_coalition_name_idx). */
export function searchOwnRaces(db: Db, coalitionId: string, search: RaceSearch, page: RacePage) {
  return ownRacesQuery(db, coalitionId, search, page).execute();
}

/** The search's query, unexecuted: test/scale/list-page-plans.test.ts explains it. */
export function ownRacesQuery(db: Db, coalitionId: string, search: RaceSearch, page: RacePage) {
  let query = raceRows(db).where('races.coalition_id', '=', coalitionId);
  if (search.q) {
    const pattern = `%${search.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('races.name', 'ilike', pattern),
        eb('races.office', 'ilike', pattern),
        eb('jurisdictions.name', 'ilike', pattern),
      ]),
    );
  }
  // The state is found walking up the place's parents, as places.service.ts resolves it for a view.
  if (search.state) {
    query = query.where(
      sql<boolean>`exists (
        with recursive up (id, parent_id, kind, abbr, depth) as (
          select j.id, j.parent_id, j.kind, j.abbr, 0 from jurisdictions j where j.id = races.jurisdiction_id
          union all
          select p.id, p.parent_id, p.kind, p.abbr, up.depth + 1
          from jurisdictions p join up on p.id = up.parent_id where up.depth < 8
        )
        select 1 from up where up.kind = 'state' and up.abbr = ${search.state.toUpperCase()}
      )`,
    );
  }
  if (page.after) {
    const [name, id] = page.after;
    query = query.where((eb) => eb(eb.refTuple('races.name', 'races.id'), '>', eb.tuple(name, id)));
  }
  return query
    .orderBy('races.name')
    .orderBy('races.id')
    .limit(page.limit + 1);
}

/** A candidate's audit trail (its transitions, lines, flags, refusals), oldest first. */
export function listCandidateEvents(db: Db, coalitionId: string, candidateId: string) {
  return db
    .selectFrom('audit_events')
    .select(['seq', 'at', 'action', 'payload'])
    .where('coalition_id', '=', coalitionId)
    .where(sql<string>`subject->>'type'`, '=', 'candidate')
    .where(sql<string>`subject->>'id'`, '=', candidateId)
    .orderBy('seq')
    .execute();
}

/** Reference US states by FIPS code. */
export function findStateIds(db: Db, fips: readonly string[]) {
  return db
    .selectFrom('jurisdictions')
    .select(['id', 'code'])
    .where('coalition_id', 'is', null)
    .where('kind', '=', 'state')
    .where('code', 'in', [...fips])
    .execute();
}

export async function electionOfRace(db: Db, raceId: string): Promise<string> {
  const row = await db
    .selectFrom('races')
    .select('election_id')
    .where('id', '=', raceId)
    .executeTakeFirstOrThrow();
  return row.election_id;
}
