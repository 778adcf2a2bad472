import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { inTx } from '../../../test/helpers/governance.ts';
import { useTestDatabase } from '../../../test/helpers/test-database.ts';
import { prepareDatasets } from './datasets/dataset-files.ts';
import { loadReferenceData } from './load.service.ts';

const database = useTestDatabase();

/** What the triggers keep (place_sizes) against what the result units say, per place and scope. */
async function mismatches() {
  const rows = await sql<{ jurisdiction_id: string }>`
    with truth as (
      select jurisdiction_id, coalition_id, coalesce(max(total_votes), 0)::bigint as votes_cast
      from result_units group by jurisdiction_id, coalition_id)
    select coalesce(t.jurisdiction_id, s.jurisdiction_id) as jurisdiction_id
    from truth t full join place_sizes s
      on s.jurisdiction_id = t.jurisdiction_id and s.coalition_id is not distinct from t.coalition_id
    where t.votes_cast is distinct from s.votes_cast`.execute(database().db);
  return rows.rows;
}

const sizeCount = async () =>
  Number(
    (await sql<{ n: number }>`select count(*)::int as n from place_sizes`.execute(database().db)).rows[0]?.n,
  );

describe('place sizes (the search ranking’s votes cast, kept by triggers on result_units)', () => {
  beforeAll(async () => {
    await inTx(database().db, async (trx) =>
      loadReferenceData(trx, await prepareDatasets(['us-geography', 'us-president-2024-county'])),
    );
  });

  it('holds the largest result of each place after a load', async () => {
    expect(await sizeCount()).toBeGreaterThan(3000);
    expect(await mismatches()).toEqual([]);
  });

  it('follows a changed figure and a deleted result set (a cascade), down to no size at all', async () => {
    const { db } = database();
    const unit = await sql<{ jurisdiction_id: string; result_set_id: string }>`
      select jurisdiction_id, result_set_id from result_units where total_votes > 0 limit 1`.execute(db);
    const { jurisdiction_id, result_set_id } = unit.rows[0] ?? { jurisdiction_id: '', result_set_id: '' };
    await sql`update result_units set total_votes = total_votes + 12345678
      where jurisdiction_id = ${jurisdiction_id} and result_set_id = ${result_set_id}`.execute(db);
    expect(await mismatches()).toEqual([]);
    await sql`delete from result_sets where id = ${result_set_id}`.execute(db);
    expect(await mismatches()).toEqual([]);
    await sql`delete from result_sets`.execute(db);
    expect(await sizeCount()).toBe(0);
  });
});
