import type { Kysely } from 'kysely';
import { baselineRows } from '../../features/audit/row-baseline.service.ts';
import type { Db } from '../database.ts';

/**
 * From this change on, every event that writes a decision, ballot, organization or pact carries
 * the hash of the row it produced. Chains begun before it have events without those hashes: an
 * honest verifier cannot say whether a row edited before today was edited by the application. So
 * each existing chain gets one `audit.rows_baselined` event that records the hash of every covered
 * row as it stands at the upgrade. The tables are named here, not taken from the live list, so
 * this migration does the same thing whenever it runs (later tables get their own baseline).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await baselineRows(
    db as unknown as Db,
    ['decisions', 'ballots', 'organizations', 'pacts'],
    'Row hashing begins here: the rows below are recorded as they stood at the upgrade; their history before this event is vouched for by the events payloads only.',
  );
}

/** Nothing to undo: the audit log is append-only, and the baseline event stays true history. */
export async function down(): Promise<void> {}
