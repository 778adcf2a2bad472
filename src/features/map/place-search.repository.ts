import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { countyWordPattern, type PlaceQuery } from './place-query.ts';
import { type Viewer, visibleTo } from './visibility.ts';

/** Bigger kinds first when names tie: a state before its counties, a county before its districts. */
const kindRank = sql<number>`case j.kind
  when 'nation' then 0 when 'state' then 1 when 'department' then 1 when 'county' then 2
  when 'congressional_district' then 3 when 'foreign_constituency' then 3
  when 'state_legislative_district' then 4 when 'municipality' then 5 else 6 end`;

/** The sort position of a row, which is also the keyset cursor: the next page starts after it. */
export type PlaceCursor = [tier: number, kindRank: number, negSize: number, nameKey: string, id: string];

export interface PlaceRow {
  id: string;
  coalition_id: string | null;
  kind: string;
  code: string;
  name: string;
  country: string;
  parent_name: string | null;
  parent_kind: string | null;
  tier: number;
  kind_rank: number;
  neg_size: number;
  name_key: string;
}

/**
 * Votes cast there (the largest result unit the viewer may see), from the sizes the result_units
 * triggers keep: the reference size, or the viewer's coalition's own if larger.
 */
const size = (viewer: Viewer) =>
  viewer
    ? sql<number>`greatest(coalesce(rs.votes_cast, 0), coalesce(cs.votes_cast, 0))`
    : sql<number>`coalesce(rs.votes_cast, 0)`;

const like = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Two letters are a code ("MI"), not the start of every state in M; more letters start a name. */
const withinParent = (within: string) =>
  within.length <= 2
    ? sql`and lower(p.abbr) = ${within}`
    : sql`and (lower(p.abbr) = ${within} or lower(p.name) like ${`${like(within)}%`})`;

/**
 * Places whose name (without a trailing county word) contains the query, ranked exact, prefix,
 * contains; then bigger kinds, then more votes cast (the largest result reported there), then name.
 * One page after `after`, plus one row to tell whether another page follows.
 */
export async function searchPlaces(
  db: Db,
  viewer: Viewer,
  query: PlaceQuery,
  filter: { kind?: string | undefined; country?: string | undefined },
  limit: number,
  after: PlaceCursor | null,
): Promise<PlaceRow[]> {
  const key = sql<string>`regexp_replace(lower(j.name), ${countyWordPattern}, '')`;
  const kind = filter.kind ?? query.kind;
  const within = query.within;
  const result = await sql<PlaceRow>`
    with matched as (
      select j.id, j.coalition_id, j.kind, j.code, j.name, j.country,
        p.name as parent_name, p.kind as parent_kind,
        (case when ${key} = ${query.name} then 0 when ${key} like ${`${like(query.name)}%`} then 1 else 2 end) as tier,
        ${kindRank} as kind_rank,
        -${size(viewer)}::float8 as neg_size,
        (lower(j.name) collate "C") as name_key
      from jurisdictions j
      left join jurisdictions p on p.id = j.parent_id
      left join place_sizes rs on rs.jurisdiction_id = j.id and rs.coalition_id is null
      ${viewer ? sql`left join place_sizes cs on cs.jurisdiction_id = j.id and cs.coalition_id = ${viewer.coalitionId}` : sql``}
      where ${visibleTo('j.coalition_id', viewer)}
        and ${key} like ${`%${like(query.name)}%`}
        ${kind ? sql`and j.kind = ${kind}` : sql``}
        ${filter.country ? sql`and j.country = ${filter.country}` : sql``}
        ${within ? withinParent(within) : sql``}
    )
    select * from matched
    ${
      after
        ? sql`where (tier, kind_rank, neg_size, name_key, id) > (${after[0]}, ${after[1]}, ${after[2]}::float8, ${after[3]} collate "C", ${after[4]}::uuid)`
        : sql``
    }
    order by tier, kind_rank, neg_size, name_key, id
    limit ${limit + 1}`.execute(db);
  return result.rows.map((row) => ({
    ...row,
    tier: Number(row.tier),
    kind_rank: Number(row.kind_rank),
    neg_size: Number(row.neg_size),
  }));
}

/** Places by `kind:code` key, visible to the viewer (a coalition's own row wins over a reference one). */
export async function placesByKey(
  db: Db,
  viewer: Viewer,
  keys: ReadonlyArray<{ kind: string; code: string }>,
) {
  if (keys.length === 0) return [];
  const pairs = sql.join(keys.map((k) => sql`(${k.kind}, ${k.code})`));
  const result = await sql<Omit<PlaceRow, 'tier' | 'kind_rank' | 'neg_size' | 'name_key'>>`
    select j.id, j.coalition_id, j.kind, j.code, j.name, j.country,
      p.name as parent_name, p.kind as parent_kind
    from jurisdictions j
    left join jurisdictions p on p.id = j.parent_id
    where ${visibleTo('j.coalition_id', viewer)} and (j.kind, j.code) in (${pairs})
    order by j.coalition_id nulls last`.execute(db);
  return result.rows;
}
