import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/helpers/test-database.ts';
import type { Db } from '../../db/database.ts';
import { type PreparedDataset, prepareDatasets } from './datasets/dataset-files.ts';
import { jurisdictionId, referenceScope } from './ids.ts';
import { type LoadProgress, loadReferenceData } from './load.service.ts';

const database = useTestDatabase();
const tables = [
  'jurisdictions',
  'elections',
  'races',
  'result_sets',
  'result_units',
  'result_votes',
] as const;

/** Row counts and a digest of every row of the map tables: equal snapshots mean nothing changed. */
async function snapshot(db: Db) {
  const result: Record<string, string> = {};
  for (const table of tables) {
    const row = await sql<{ n: number; digest: string }>`
      select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest
      from ${sql.table(table)} t`.execute(db);
    result[table] = `${row.rows[0]?.n}:${row.rows[0]?.digest}`;
  }
  return result;
}

describe('concord data load', () => {
  let prepared: PreparedDataset[];
  const load = (options: { force?: boolean; progress?: LoadProgress } = {}, datasets = prepared) =>
    database()
      .db.transaction()
      .execute((trx) => loadReferenceData(trx, datasets, options));

  beforeAll(async () => {
    prepared = await prepareDatasets(['us-geography', '538-partisan-lean-2022', 'fr-legislatives-2024-t1']);
  });

  it('loads the datasets, reporting progress up to the total', async () => {
    let total = 0;
    let done = 0;
    const reports = await load({ progress: { total: (n) => (total = n), advance: (n) => (done += n) } });
    expect(reports.map((r) => r.status)).toEqual(['loaded', 'loaded', 'loaded']);
    expect(done).toBe(total);
    const { db } = database();
    const count = await db
      .selectFrom('result_units')
      .innerJoin('result_sets', 'result_sets.id', 'result_units.result_set_id')
      .select(['result_sets.slug', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('result_sets.slug')
      .orderBy('result_sets.slug')
      .execute();
    expect(count.map((c) => [c.slug, Number(c.n)])).toEqual([
      ['538-partisan-lean-2022-district', 435],
      ['538-partisan-lean-2022-state', 51],
      ['fr-legislatives-2024-t1-circonscription', 577],
    ]);
  });

  it('changes nothing the second time, and writes the same rows when forced', async () => {
    const { db } = database();
    const before = await snapshot(db);
    const loadedAt = await db
      .selectFrom('reference_datasets')
      .select(['id', 'loaded_at'])
      .orderBy('id')
      .execute();
    const again = await load();
    expect(again.map((r) => r.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(await snapshot(db)).toEqual(before);
    expect(
      await db.selectFrom('reference_datasets').select(['id', 'loaded_at']).orderBy('id').execute(),
    ).toEqual(loadedAt);
    const forced = await load({ force: true });
    expect(forced.map((r) => r.status)).toEqual(['loaded', 'loaded', 'loaded']);
    expect(await snapshot(db)).toEqual(before);
  });

  it('gives a jurisdiction the same id on every install (derived from its code)', async () => {
    const row = await database()
      .db.selectFrom('jurisdictions')
      .select('id')
      .where('kind', '=', 'county')
      .where('code', '=', '01001')
      .where('coalition_id', 'is', null)
      .executeTakeFirstOrThrow();
    expect(row.id).toBe(jurisdictionId(referenceScope, 'county', '01001'));
  });

  it('replaces a dataset whose files changed: rows it no longer has are gone', async () => {
    const { db } = database();
    const france = prepared.find((p) => p.definition.id === 'fr-legislatives-2024-t1');
    if (!france) throw new Error('not prepared');
    const original = france.bundle();
    const keep = (key: string) => key !== 'foreign_constituency:0101';
    const changed: PreparedDataset = {
      definition: france.definition,
      fingerprint: `${france.fingerprint}-edited`,
      bundle: () => ({
        ...original,
        units: original.units.filter((u) => keep(u.jurisdiction)),
        votes: original.votes.filter((v) => keep(v.jurisdiction)),
      }),
    };
    const [report] = await load({}, [changed]);
    expect(report?.status).toBe('loaded');
    const units = await db
      .selectFrom('result_units')
      .innerJoin('jurisdictions', 'jurisdictions.id', 'result_units.jurisdiction_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('jurisdictions.kind', '=', 'foreign_constituency')
      .executeTakeFirstOrThrow();
    expect(Number(units.n)).toBe(576);
    const gone = await db
      .selectFrom('result_votes')
      .select('votes')
      .where('jurisdiction_id', '=', jurisdictionId(referenceScope, 'foreign_constituency', '0101'))
      .execute();
    expect(gone).toEqual([]);
  });
});
