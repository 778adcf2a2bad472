import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/** A yes/no/abstain ballot keeps its split; a ranked one its rankings (option names) with shares. */
export type StoredBallotContent =
  | { split: { yes: number; no: number; abstain: number } }
  | { parts: { ranking: string[]; share: number }[] };

/**
 * One ballot per organization and decision: a second cast by any of its delegates updates the
 * same row (the unique key serializes concurrent casts), keeping the receipt of the first cast.
 */
export function upsertBallot(
  db: Db,
  row: {
    coalitionId: string;
    decisionId: string;
    organizationId: string;
    castBy: string;
    content: StoredBallotContent;
    receipt: string;
    now: Date;
  },
) {
  const content = JSON.stringify(row.content);
  return db
    .insertInto('ballots')
    .values({
      coalition_id: row.coalitionId,
      decision_id: row.decisionId,
      organization_id: row.organizationId,
      cast_by: row.castBy,
      content,
      receipt: row.receipt,
      cast_at: row.now,
      updated_at: row.now,
    })
    .onConflict((oc) =>
      oc.columns(['decision_id', 'organization_id']).doUpdateSet({
        content,
        cast_by: row.castBy,
        updated_at: row.now,
        revision: sql`ballots.revision + 1`,
      }),
    )
    .returning(['id', 'receipt', 'revision', 'cast_at', 'updated_at', 'content'])
    .executeTakeFirstOrThrow();
}

export function listBallots(db: Db, decisionId: string) {
  return db
    .selectFrom('ballots')
    .select(['organization_id', 'receipt', 'content', 'revision', 'cast_at', 'updated_at'])
    .where('decision_id', '=', decisionId)
    .orderBy('receipt')
    .execute();
}

export function findBallot(db: Db, decisionId: string, organizationId: string) {
  return db
    .selectFrom('ballots')
    .select(['organization_id', 'receipt', 'content', 'revision', 'cast_at', 'updated_at'])
    .where('decision_id', '=', decisionId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

export async function countBallots(db: Db, decisionIds: readonly string[]): Promise<Map<string, number>> {
  if (decisionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('ballots')
    .select(['decision_id', (eb) => eb.fn.countAll<number>().as('count')])
    .where('decision_id', 'in', decisionIds)
    .groupBy('decision_id')
    .execute();
  return new Map(rows.map((r) => [r.decision_id, Number(r.count)]));
}
