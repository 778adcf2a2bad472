import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/**
 * Counts only, never rows: what coalition staff may see of all members' people together, and what a
 * member sees of its own. `organizationId` null means the whole coalition (staff); the service
 * suppresses small counts before anything leaves.
 */
export interface AggregateScope {
  coalitionId: string;
  organizationId: string | null;
}

function base(db: Db, scope: AggregateScope) {
  let query = db
    .selectFrom('people')
    .where('coalition_id', '=', scope.coalitionId)
    .where('merged_into', 'is', null);
  if (scope.organizationId !== null) query = query.where('organization_id', '=', scope.organizationId);
  return query;
}

export async function countTotal(db: Db, scope: AggregateScope): Promise<number> {
  const row = await base(db, scope)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function countByCounty(db: Db, scope: AggregateScope) {
  return base(db, scope)
    .select(['county_fips', (eb) => eb.fn.countAll<number>().as('n')])
    .where('county_fips', 'is not', null)
    .groupBy('county_fips')
    .orderBy('county_fips')
    .execute();
}

export function countByTag(db: Db, scope: AggregateScope) {
  return base(db, scope)
    .select([sql<string>`unnest(tags)`.as('tag'), (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(sql`1`)
    .orderBy(sql`1`)
    .execute();
}

export function countByMonth(db: Db, scope: AggregateScope) {
  return base(db, scope)
    .select([
      sql<string>`to_char(created_at at time zone 'UTC', 'YYYY-MM')`.as('month'),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .groupBy(sql`1`)
    .orderBy(sql`1`)
    .execute();
}
