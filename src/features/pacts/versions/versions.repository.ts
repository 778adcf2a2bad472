import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { PactRunsTable, PactVersionsTable } from '../../../db/tables/pacts.ts';

/** Versions (every allocation a pact has had) and runs (engine jobs). Scoped by pact or coalition. */

export type VersionRow = Selectable<PactVersionsTable>;
export type RunRow = Selectable<PactRunsTable>;

/** Everything but the heavy input and result: what lists show. */
const summaryColumns = [
  'id',
  'pact_id',
  'number',
  'kind',
  'pact_revision',
  'expected_wins',
  'no_pact_wins',
  'entitlement_ok',
  'wef1',
  'note',
  'run_id',
  'created_by',
  'created_at',
  sql<string>`result->'solver'->>'mode'`.as('mode'),
  sql<number | null>`(result->'solver'->>'gapToExact')::double precision`.as('gap_to_exact'),
] as const;

export type VersionSummaryRow = Awaited<ReturnType<typeof listVersionSummaries>>[number];

export function listVersionSummaries(db: Db, pactIds: readonly string[]) {
  if (pactIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('pact_versions')
    .select(summaryColumns)
    .where('pact_id', 'in', pactIds)
    .orderBy('pact_id')
    .orderBy('number')
    .execute();
}

export function findVersionSummary(db: Db, pactId: string, id: string) {
  return db
    .selectFrom('pact_versions')
    .select(summaryColumns)
    .where('pact_id', '=', pactId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A whole version by number, or the latest when `number` is undefined. */
export function findVersion(db: Db, pactId: string, number?: number) {
  let query = db
    .selectFrom('pact_versions')
    .selectAll()
    .select([
      sql<string>`result->'solver'->>'mode'`.as('mode'),
      sql<number | null>`(result->'solver'->>'gapToExact')::double precision`.as('gap_to_exact'),
    ])
    .where('pact_id', '=', pactId);
  query =
    number === undefined ? query.orderBy('number', 'desc').limit(1) : query.where('number', '=', number);
  return query.executeTakeFirst();
}
export type FullVersionRow = NonNullable<Awaited<ReturnType<typeof findVersion>>>;

export async function nextVersionNumber(db: Db, pactId: string): Promise<number> {
  const row = await db
    .selectFrom('pact_versions')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('pact_id', '=', pactId)
    .executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}

export function insertVersion(db: Db, row: Insertable<PactVersionsTable>) {
  return db.insertInto('pact_versions').values(row).returning(['id', 'number']).executeTakeFirstOrThrow();
}

export function insertRun(db: Db, row: Insertable<PactRunsTable>) {
  return db.insertInto('pact_runs').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findRun(db: Db, coalitionId: string, id: string, options: { forUpdate?: boolean } = {}) {
  let query = db
    .selectFrom('pact_runs')
    .selectAll()
    .where('coalition_id', '=', coalitionId)
    .where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export const activeStatuses = ['queued', 'running'] as const;

export function findActiveRun(db: Db, pactId: string) {
  return db
    .selectFrom('pact_runs')
    .selectAll()
    .where('pact_id', '=', pactId)
    .where('status', 'in', activeStatuses)
    .executeTakeFirst();
}

export function updateRun(db: Db, id: string, patch: Updateable<PactRunsTable>) {
  return db.updateTable('pact_runs').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export function touchRuns(db: Db, ids: readonly string[], now: Date) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .updateTable('pact_runs')
    .set({ heartbeat_at: now })
    .where('id', 'in', ids)
    .where('status', 'in', activeStatuses)
    .execute();
}

/** A job's progress; the first report also marks it running. */
export function markProgress(
  db: Db,
  id: string,
  progress: { phase: RunRow['phase']; percent: number },
  now: Date,
) {
  return db
    .updateTable('pact_runs')
    .set({
      status: 'running',
      phase: progress.phase,
      percent: progress.percent,
      started_at: sql<Date>`coalesce(started_at, ${now})`,
      heartbeat_at: now,
    })
    .where('id', '=', id)
    .where('status', 'in', activeStatuses)
    .execute();
}
