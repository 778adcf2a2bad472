/**
 * The people search as it was before migration 2026_12_05_1201 (commit 8135a75), kept here as the
 * bench's baseline: every match fetched through its own index (trigram for a name fragment of 3
 * characters or more) and sorted, and the list index walked for shorter text. Search text and
 * county only: the bench's queries use nothing else.
 */
import { sql } from 'kysely';
import { normalizeEmail, normalizePhone } from '../../src/core/people/normalize.ts';
import type { Db } from '../../src/db/database.ts';
import type { CandidateRow } from '../../src/features/supporters/merge/merge.repository.ts';
import type { ListPosition, Scope } from '../../src/features/supporters/people.repository.ts';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function matchesText(text: string) {
  const email = text.includes('@') ? normalizeEmail(text) : null;
  if (email) return sql<boolean>`people.emails @> array[${email}]::text[]`;
  const phone = /^[\d\s().+-]{7,}$/.test(text.trim()) ? normalizePhone(text) : null;
  if (phone) return sql<boolean>`people.phones @> array[${phone}]::text[]`;
  return sql<boolean>`people.search_text like ${`%${escapeLike(text.trim().toLowerCase())}%`}`;
}

export interface OldFilter {
  q?: string;
  county?: string;
}

function base(db: Db, scope: Scope, filter: OldFilter) {
  let q = db
    .selectFrom('people')
    .where('people.coalition_id', '=', scope.coalitionId)
    .where('people.organization_id', '=', scope.organizationId)
    .where('people.merged_into', 'is', null);
  if (filter.q) q = q.where(matchesText(filter.q));
  if (filter.county) q = q.where('people.county_fips', 'in', [filter.county]);
  return q;
}

export function oldListPeople(
  db: Db,
  scope: Scope,
  filter: OldFilter,
  after: ListPosition | null,
  limit: number,
) {
  const byFragment = filter.q !== undefined && filter.q.trim().length >= 3;
  const last = byFragment ? sql`lower(last_name) || ''` : sql`lower(last_name)`;
  let query = base(db, scope, filter);
  if (after) {
    query = query.where(
      sql<boolean>`(lower(last_name), lower(first_name), id) > (${after.lastName}, ${after.firstName}, ${after.id}::uuid)`,
    );
  }
  return query
    .select(['id', 'first_name', 'last_name', 'emails', 'phones', 'city', 'county_fips', 'tags', 'stage'])
    .orderBy(last)
    .orderBy(sql`lower(first_name)`)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function oldCountPeople(db: Db, scope: Scope, filter: OldFilter, cap: number) {
  const row = await db
    .selectFrom(base(db, scope, filter).select('id').limit(cap).as('matches'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** What the list route did per request: a page of 100 (+1) and the count capped at 1,000, together. */
export async function oldSearch(db: Db, scope: Scope, filter: OldFilter, after: ListPosition | null = null) {
  const [rows, total] = await Promise.all([
    oldListPeople(db, scope, filter, after, 101),
    oldCountPeople(db, scope, filter, 1000),
  ]);
  return { rows: rows.slice(0, 100), total };
}

/**
 * The duplicate finder before migration 2026_12_05_1202 (commit 8135a75): contacts self-joined on
 * the text, close names probed through the trigram index for every person with an address.
 */
export async function oldFindCandidates(db: Db, scope: Scope, limit: number): Promise<CandidateRow[]> {
  const owned = sql`coalition_id = ${scope.coalitionId} and organization_id = ${scope.organizationId} and merged_into is null`;
  const contactPairs = (column: 'emails' | 'phones') => sql`
    select distinct a.id as a, b.id as b
    from (select id, unnest(${sql.ref(column)}) as c from people where ${owned}) a
    join (select id, unnest(${sql.ref(column)}) as c from people where ${owned}) b on a.c = b.c and a.id < b.id`;
  const { rows } = await sql<CandidateRow>`
    (select a, b, 'email' as reason, 1.0::float8 as score from (${contactPairs('emails')}) e order by a, b limit ${limit})
    union all
    (select p.a, p.b, 'phone', 1.0::float8 from (${contactPairs('phones')}) p
       where not exists (select 1 from people x, people y where x.organization_id = ${scope.organizationId}
         and y.organization_id = ${scope.organizationId} and x.id = p.a and y.id = p.b and x.emails && y.emails)
       order by p.a, p.b limit ${limit})
    union all
    (select a.id, m.id, 'name_address', m.score from (
        select id, search_text, postal_code, county_fips, address_line1, emails, phones from people
        where ${owned} and search_text <> '' and (postal_code <> '' or address_line1 <> '')
        order by id desc limit ${20_000}
      ) a
      cross join lateral (
        select b.id, similarity(a.search_text, b.search_text)::float8 as score from people b
        where b.coalition_id = ${scope.coalitionId} and b.organization_id = ${scope.organizationId} and b.merged_into is null
          and b.search_text % a.search_text and b.id <> a.id
          and similarity(a.search_text, b.search_text) > 0.55
          and ((a.postal_code <> '' and a.postal_code = b.postal_code)
            or (a.county_fips = b.county_fips and a.address_line1 <> '' and similarity(a.address_line1, b.address_line1) > 0.5))
          and not (b.emails && a.emails) and not (b.phones && a.phones)
        order by 2 desc limit 5
      ) m
      where a.id < m.id
      limit ${limit})`.execute(db);
  return rows.map((r) => ({ ...r, score: Number(r.score) }));
}
