import {
  type ExpressionBuilder,
  type Insertable,
  type Selectable,
  type SelectQueryBuilder,
  sql,
  type Updateable,
} from 'kysely';
import { normalizeEmail, normalizePhone } from '../../core/people/normalize.ts';
import type { Database, Db } from '../../db/database.ts';
import type { ConsentChannel, PeopleTable } from '../../db/tables/supporters.ts';
import type { SegmentFilter } from './segment-filter.ts';

/**
 * The only file that reads or writes people. Every function takes the owner's Scope first and every
 * query filters on both its coalition and its organization: another member's person is, to this
 * code, a person that does not exist. Merged-away records are hidden everywhere but in undo.
 */
export interface Scope {
  coalitionId: string;
  organizationId: string;
}

export type PersonRow = Selectable<PeopleTable>;
export type NewPerson = Omit<Insertable<PeopleTable>, 'coalition_id' | 'organization_id'>;

type PeopleEb = ExpressionBuilder<Database, 'people'>;

const owned = (scope: Scope) => (eb: PeopleEb) =>
  eb.and([
    eb('people.coalition_id', '=', scope.coalitionId),
    eb('people.organization_id', '=', scope.organizationId),
    eb('people.merged_into', 'is', null),
  ]);

/** Whether a channel may be used now: its latest consent record is a grant that was never withdrawn. */
export const consentUsable = (channel: ConsentChannel) => sql<boolean>`coalesce((
  select c.granted and c.withdrawn_at is null from person_consents c
  where c.organization_id = people.organization_id and c.person_id = people.id and c.channel = ${channel}
  order by c.recorded_at desc, c.id desc limit 1), false)`;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * What the search box matches: an email address exactly (GIN on emails), a phone number exactly once
 * normalized (GIN on phones), otherwise a fragment of the name (pg_trgm GIN on search_text).
 */
/**
 * Whether the search box text is selective enough to be read through its own index (trigram for a
 * name fragment of 3 characters or more, GIN for a whole email or phone) and its matches sorted.
 */
function isSelectiveText(text: string): boolean {
  return text.trim().length >= 3;
}

function matchesText(text: string) {
  const email = text.includes('@') ? normalizeEmail(text) : null;
  if (email) return sql<boolean>`people.emails @> array[${email}]::text[]`;
  const phone = /^[\d\s().+-]{7,}$/.test(text.trim()) ? normalizePhone(text) : null;
  if (phone) return sql<boolean>`people.phones @> array[${phone}]::text[]`;
  return sql<boolean>`people.search_text like ${`%${escapeLike(text.trim().toLowerCase())}%`}`;
}

function applyFilter<O>(
  query: SelectQueryBuilder<Database, 'people', O>,
  filter: SegmentFilter,
): SelectQueryBuilder<Database, 'people', O> {
  let q = query;
  if (filter.q) q = q.where(matchesText(filter.q));
  if (filter.tags?.length) q = q.where(sql<boolean>`people.tags && ${sql.val(filter.tags)}::text[]`);
  if (filter.counties?.length) q = q.where('people.county_fips', 'in', filter.counties);
  if (filter.stage) q = q.where('people.stage', '=', filter.stage);
  if (filter.consent) q = q.where(consentUsable(filter.consent));
  const activity = filter.activity;
  if (activity) {
    q = q.where(
      sql<boolean>`(select count(*) from person_activities a
        where a.organization_id = people.organization_id and a.person_id = people.id and a.kind = ${activity.kind}
        ${activity.since ? sql`and a.occurred_on >= ${activity.since}` : sql``}) >= ${activity.atLeast}`,
    );
  }
  return q;
}

export function insertPeople(db: Db, scope: Scope, rows: readonly NewPerson[]) {
  return db
    .insertInto('people')
    .values(
      rows.map((row) => ({ ...row, coalition_id: scope.coalitionId, organization_id: scope.organizationId })),
    )
    .returningAll()
    .execute();
}

export function findPerson(db: Db, scope: Scope, id: string, options: { lock?: boolean } = {}) {
  const query = db.selectFrom('people').selectAll().where(owned(scope)).where('people.id', '=', id);
  return (options.lock ? query.forUpdate() : query).executeTakeFirst();
}

/** A record merged into another, for undo only. */
export function findMergedPerson(db: Db, scope: Scope, id: string) {
  return db
    .selectFrom('people')
    .selectAll()
    .where('coalition_id', '=', scope.coalitionId)
    .where('organization_id', '=', scope.organizationId)
    .where('id', '=', id)
    .where('merged_into', 'is not', null)
    .executeTakeFirst();
}

export function updatePerson(db: Db, scope: Scope, id: string, patch: Updateable<PeopleTable>) {
  return db
    .updateTable('people')
    .set(patch)
    .where('coalition_id', '=', scope.coalitionId)
    .where('organization_id', '=', scope.organizationId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function deletePerson(db: Db, scope: Scope, id: string) {
  return db
    .deleteFrom('people')
    .where('coalition_id', '=', scope.coalitionId)
    .where('organization_id', '=', scope.organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The records merged into a person: erased with it. */
export function deleteMergedInto(db: Db, scope: Scope, id: string) {
  return db
    .deleteFrom('people')
    .where('coalition_id', '=', scope.coalitionId)
    .where('organization_id', '=', scope.organizationId)
    .where('merged_into', '=', id)
    .execute();
}

export interface ListPosition {
  lastName: string;
  firstName: string;
  id: string;
}

/** How many dictionary names a fragment may match and still be read name by name (see below). */
export const nameStreamCap = 40;

/**
 * Search text that is a name fragment (no space, not an email or phone): its lower-cased,
 * LIKE-escaped pattern. A fragment without a space matches `search_text` (first + ' ' + last) iff it
 * matches the first or the last name, which is what lets it be looked up name by name.
 */
function nameFragment(filter: SegmentFilter): string | null {
  const text = filter.q?.trim().toLowerCase();
  if (!text || /\s/.test(text) || text.includes('@')) return null;
  if (/^[\d\s().+-]{7,}$/.test(text) && normalizePhone(text)) return null;
  return `%${escapeLike(text)}%`;
}

interface MatchingNames {
  first: string[];
  last: string[];
}

/**
 * The owner's distinct first and last names containing the fragment (`people_names`, trigram GIN),
 * or null when either part has more than `nameStreamCap`: a fragment that common is spread over the
 * list, and walking the list index in order meets a page of it soon.
 */
async function namesMatching(db: Db, scope: Scope, pattern: string): Promise<MatchingNames | null> {
  const rows = await db
    .selectFrom('people_names')
    .select(['part', 'name'])
    .where('organization_id', '=', scope.organizationId)
    .where(sql<boolean>`name like ${pattern}`)
    .orderBy('part')
    .orderBy('name')
    .limit(2 * nameStreamCap + 1)
    .execute();
  const first = rows.filter((r) => r.part === 'first').map((r) => r.name);
  const last = rows.filter((r) => r.part === 'last').map((r) => r.name);
  if (first.length > nameStreamCap || last.length > nameStreamCap) return null;
  return { first, last };
}

const listColumns = [
  'id',
  'first_name',
  'last_name',
  'emails',
  'phones',
  'city',
  'county_fips',
  'tags',
  'stage',
  sql<string>`lower(last_name)`.as('sort_last'),
  sql<string>`lower(first_name)`.as('sort_first'),
] as const;

const afterPosition = (after: ListPosition) =>
  sql<boolean>`(lower(last_name), lower(first_name), id) > (${after.lastName}, ${after.firstName}, ${after.id}::uuid)`;

/**
 * A name fragment's page, one ordered stream per matching name, merged: the people with a matching
 * last name (`people_list_idx`, that name's rows are adjacent in list order) and the people with a
 * matching first name but not last name (`people_first_name_idx`, which holds one first name's
 * people in list order). Each stream stops at `limit`, the union is a Merge Append, so a fragment
 * that matches 30,000 people reads about a page of them, where fetching them all and sorting took
 * most of a second at a million rows. Same rows and order as `search_text like '%…%'`.
 */
function listByNames(
  db: Db,
  scope: Scope,
  filter: SegmentFilter,
  pattern: string,
  names: MatchingNames,
  after: ListPosition | null,
  limit: number,
) {
  const rest: SegmentFilter = { ...filter, q: undefined };
  const stream = (where: (eb: PeopleEb) => ReturnType<PeopleEb['and']>) => {
    let q = applyFilter(db.selectFrom('people').select(listColumns).where(owned(scope)).where(where), rest);
    if (after) {
      // The redundant bound is an index condition on both indexes; the row comparison alone is not
      // one on people_first_name_idx, whose columns come in another order.
      q = q.where(afterPosition(after)).where(sql<boolean>`lower(last_name) >= ${after.lastName}`);
    }
    return q.orderBy(sql`lower(last_name)`).orderBy(sql`lower(first_name)`).orderBy('id').limit(limit);
  };
  // Every last name gets its stream even when it sorts before the cursor (then it is empty at the
  // cost of one index descent): comparing here in JavaScript would not follow the database collation.
  const streams = [
    ...names.last.map((n) => stream((eb) => eb.and([eb(sql`lower(last_name)`, '=', n)]))),
    ...names.first.map((n) =>
      stream((eb) =>
        eb.and([eb(sql`lower(first_name)`, '=', n), eb(sql`lower(last_name)`, 'not like', pattern)]),
      ),
    ),
  ];
  const [head, ...tail] = streams;
  if (!head) return Promise.resolve([]);
  let union = db.selectFrom(head.as('s0')).selectAll();
  tail.forEach((s, i) => {
    union = union.unionAll(db.selectFrom(s.as(`s${i + 1}`)).selectAll());
  });
  return db
    .selectFrom(union.as('matches'))
    .selectAll()
    .orderBy('sort_last')
    .orderBy('sort_first')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** A name fragment through the dictionary: the same rows as `search_text like`, as index conditions. */
function byNames(pattern: string, names: MatchingNames) {
  return (eb: PeopleEb) =>
    eb.or([
      ...(names.last.length ? [eb(sql`lower(last_name)`, 'in', names.last)] : []),
      ...(names.first.length
        ? [
            eb.and([
              eb(sql`lower(first_name)`, 'in', names.first),
              eb(sql`lower(last_name)`, 'not like', pattern),
            ]),
          ]
        : []),
    ]);
}

/** One page in name order, after a position (keyset pagination: as fast on page 1,000 as on page 1). */
export async function listPeople(
  db: Db,
  scope: Scope,
  filter: SegmentFilter,
  after: ListPosition | null,
  limit: number,
) {
  const pattern = nameFragment(filter);
  const names = pattern ? await namesMatching(db, scope, pattern) : null;
  if (pattern && names) return listByNames(db, scope, filter, pattern, names, after, limit);
  let query = applyFilter(db.selectFrom('people').select(listColumns).where(owned(scope)), filter);
  if (after) query = query.where(afterPosition(after));
  // An email, a phone or several words: read the matches through their own index and sort them,
  // rather than walk the list index in name order testing each row (an exact email walked all of
  // them: the planner cannot tell how rare an array element is). `|| ''` leaves the order as it is
  // but hides it from the list index. A name fragment too common for the dictionary (`names` null)
  // and no search text at all walk the list index in order, which meets a page soon.
  const byIndex = filter.q !== undefined && !pattern && isSelectiveText(filter.q);
  const last = byIndex ? sql`lower(last_name) || ''` : sql`lower(last_name)`;
  return query.orderBy(last).orderBy(sql`lower(first_name)`).orderBy('id').limit(limit).execute();
}

/** How many match, counting no further than `cap` (a count of a million rows is not worth its time). */
export async function countPeople(db: Db, scope: Scope, filter: SegmentFilter, cap: number): Promise<number> {
  const pattern = nameFragment(filter);
  const names = pattern ? await namesMatching(db, scope, pattern) : null;
  let inner = applyFilter(
    db.selectFrom('people').select('id').where(owned(scope)),
    pattern && names ? { ...filter, q: undefined } : filter,
  );
  if (pattern && names) {
    if (names.first.length + names.last.length === 0) return 0;
    inner = inner.where(byNames(pattern, names));
  }
  const row = await db
    .selectFrom(inner.limit(cap).as('matches'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every matching person with the channels usable now, streamed a page at a time (exports). */
export async function* streamPeople(db: Db, scope: Scope, filter: SegmentFilter, pageSize = 2000) {
  let after: string | null = null;
  for (;;) {
    let query = applyFilter(
      db
        .selectFrom('people')
        .selectAll()
        .select([
          consentUsable('email').as('can_email'),
          consentUsable('phone').as('can_phone'),
          consentUsable('sms').as('can_sms'),
          consentUsable('post').as('can_post'),
        ])
        .where(owned(scope)),
      filter,
    );
    if (after) query = query.where('people.id', '>', after);
    const rows = await query.orderBy('people.id').limit(pageSize).execute();
    for (const row of rows) yield row;
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) return;
    after = last.id;
  }
}

export function listPeopleIdentifiers(db: Db, scope: Scope) {
  return db.selectFrom('people').select(['emails', 'phones']).where(owned(scope)).execute();
}

/** People of this owner holding any of these emails or phones (duplicates against existing records). */
export function findByContacts(db: Db, scope: Scope, emails: readonly string[], phones: readonly string[]) {
  if (emails.length === 0 && phones.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('people')
    .select(['id', 'emails', 'phones'])
    .where(owned(scope))
    .where((eb) =>
      eb.or([
        ...(emails.length ? [sql<boolean>`emails && ${sql.val([...emails])}::text[]`] : []),
        ...(phones.length ? [sql<boolean>`phones && ${sql.val([...phones])}::text[]`] : []),
      ]),
    )
    .execute();
}
