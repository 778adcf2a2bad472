import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database.ts';
import { pactsQuery } from '../../src/features/pacts/pacts.repository.ts';
import { drivesPageQuery } from '../../src/features/petitions/petitions.repository.ts';
import { organizationsQuery } from '../../src/features/registry/organizations.repository.ts';
import { candidatesQuery, ownRacesQuery } from '../../src/features/tickets/tickets.repository.ts';
import { createTestCoalition } from '../helpers/factories.ts';
import { inTx } from '../helpers/governance.ts';
import { useTestDatabase } from '../helpers/test-database.ts';

/**
 * The lists that page (test/scale/list-pages.test.ts) each read a page as an index range in the
 * list's order: the plan names the list's index (migration 2026_12_05_1401) and has no Sort node.
 * Sequential and bitmap scans are switched off for the EXPLAIN, so an index that did not serve the
 * order would show as an index scan under a Sort (a small test table alone would plan a seq scan).
 */
const database = useTestDatabase();

async function planOf(db: Db, explain: (trx: Db) => Promise<Record<string, unknown>[]>): Promise<string> {
  return inTx(db, async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    await sql`set local enable_bitmapscan = off`.execute(trx);
    const rows = await explain(trx);
    return rows.map((row) => String(row['QUERY PLAN'])).join('\n');
  });
}

function expectServedBy(plan: string, index: string) {
  expect(plan).toContain(index);
  expect(plan).not.toMatch(/Sort/);
}

const at = '2026-02-03T04:05:06.123456Z';
const id = '00000000-0000-4000-8000-000000000000';

describe('list page plans', () => {
  it('pacts, candidates and drives pages are index range scans in the list order', async () => {
    const { db } = database();
    const coalition = await createTestCoalition(db);
    for (const after of [undefined, [at, id] as const]) {
      const pacts = await planOf(db, (trx) => pactsQuery(trx, coalition.id, { limit: 50, after }).explain());
      expectServedBy(pacts, 'pacts_coalition_created_idx');
      const candidates = await planOf(db, (trx) =>
        candidatesQuery(trx, coalition.id, {}, { limit: 100, after }).explain(),
      );
      expectServedBy(candidates, 'candidates_coalition_created_idx');
    }
    for (const after of [undefined, ['2026-04-01', 'Parks', id] as const]) {
      const drives = await planOf(db, (trx) =>
        drivesPageQuery(trx, coalition.id, { limit: 50, after }).explain(),
      );
      expectServedBy(drives, 'petition_drives_coalition_due_idx');
    }
  });

  it('members directory pages and race search pages are index range scans in name order, filtered or not', async () => {
    const { db } = database();
    const coalition = await createTestCoalition(db);
    for (const after of [undefined, ['Harbor Greens', id] as const]) {
      for (const filter of [{}, { status: 'member' as const, position: 'left' as const, q: 'green' }]) {
        const members = await planOf(db, (trx) =>
          organizationsQuery(trx, coalition.id, filter, { limit: 50, after }).explain(),
        );
        expectServedBy(members, 'organizations_coalition_name_idx');
      }
      for (const search of [{}, { q: 'senate', state: 'NY' }]) {
        const races = await planOf(db, (trx) =>
          ownRacesQuery(trx, coalition.id, search, { limit: 20, after }).explain(),
        );
        expectServedBy(races, 'races_coalition_name_idx');
      }
    }
  });
});
