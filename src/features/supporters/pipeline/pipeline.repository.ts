import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { Scope } from '../people.repository.ts';

/** The ladder of engagement, stage counts, readiness by tag, and moves: one owner's people only. */

export interface StageRule {
  kind: 'event' | 'shift' | 'petition' | 'donation';
  atLeast: number;
  withinDays?: number | undefined;
}

export async function findLadder(db: Db, scope: Scope): Promise<unknown | null> {
  const row = await db
    .selectFrom('pipeline_ladders')
    .select('stages')
    .where('coalition_id', '=', scope.coalitionId)
    .where('organization_id', '=', scope.organizationId)
    .executeTakeFirst();
  return row?.stages ?? null;
}

export function saveLadder(db: Db, scope: Scope, stages: string) {
  return db
    .insertInto('pipeline_ladders')
    .values({ organization_id: scope.organizationId, coalition_id: scope.coalitionId, stages })
    .onConflict((oc) => oc.column('organization_id').doUpdateSet({ stages, updated_at: new Date() }))
    .execute();
}

const atStage = (stage: string, isFirst: boolean) =>
  isFirst ? sql`(p.stage is null or p.stage = ${stage})` : sql`p.stage = ${stage}`;

const meets = (rule: StageRule, today: string) => sql`(select count(*) from person_activities a
  where a.organization_id = p.organization_id and a.person_id = p.id and a.kind = ${rule.kind}
  ${rule.withinDays ? sql`and a.occurred_on >= to_char(${today}::date - ${rule.withinDays}::int, 'YYYY-MM-DD')` : sql``}) >= ${rule.atLeast}`;

export async function countAtStage(db: Db, scope: Scope, stage: string, isFirst: boolean): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from people p
    where p.coalition_id = ${scope.coalitionId} and p.organization_id = ${scope.organizationId} and p.merged_into is null
    and ${atStage(stage, isFirst)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** People at `stage` whose activity meets the next stage's rule, counted per self-declared tag. */
export async function readyByTag(
  db: Db,
  scope: Scope,
  stage: string,
  isFirst: boolean,
  rule: StageRule,
  today: string,
) {
  const { rows } = await sql<{ tag: string; n: number }>`select coalesce(t.tag, '') as tag, count(*)::int as n
    from people p left join lateral unnest(case when cardinality(p.tags) = 0 then array[null::text] else p.tags end) as t(tag) on true
    where p.coalition_id = ${scope.coalitionId} and p.organization_id = ${scope.organizationId} and p.merged_into is null
    and ${atStage(stage, isFirst)} and ${meets(rule, today)}
    group by 1 order by 2 desc, 1`.execute(db);
  return rows.map((r) => ({ tag: r.tag, count: Number(r.n) }));
}

/** Moves everyone at `stage` who meets the rule up to `next`, recording each move. */
export async function advance(
  db: Db,
  scope: Scope,
  stage: string,
  isFirst: boolean,
  next: string,
  rule: StageRule,
  today: string,
  at: Date,
): Promise<number> {
  const { rows } = await sql<{ id: string }>`update people p set stage = ${next}
    where p.coalition_id = ${scope.coalitionId} and p.organization_id = ${scope.organizationId} and p.merged_into is null
    and ${atStage(stage, isFirst)} and ${meets(rule, today)} returning p.id`.execute(db);
  if (rows.length === 0) return 0;
  await db
    .insertInto('pipeline_moves')
    .values(
      rows.map((r) => ({
        coalition_id: scope.coalitionId,
        organization_id: scope.organizationId,
        person_id: r.id,
        from_stage: isFirst ? null : stage,
        to_stage: next,
        moved_at: at,
      })),
    )
    .execute();
  return rows.length;
}

/** Moves per month and stage reached, for the funnel over time. */
export async function movesByMonth(db: Db, scope: Scope) {
  return db
    .selectFrom('pipeline_moves')
    .select([
      sql<string>`to_char(moved_at at time zone 'UTC', 'YYYY-MM')`.as('month'),
      'to_stage',
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .where('coalition_id', '=', scope.coalitionId)
    .where('organization_id', '=', scope.organizationId)
    .groupBy([sql`1`, 'to_stage'])
    .orderBy(sql`1`)
    .execute();
}
