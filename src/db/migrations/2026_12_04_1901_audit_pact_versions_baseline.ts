import type { Kysely } from 'kysely';
import { baselineRows } from '../../features/audit/row-baseline.service.ts';
import type { Db } from '../database.ts';

/**
 * Row hashing now covers pact versions (the stored input and result of each run) and pact
 * ratifications (which version a decision ratifies). Existing chains get one baseline event
 * recording those rows as they stand at the upgrade.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await baselineRows(
    db as unknown as Db,
    ['pact_versions', 'pact_ratifications'],
    'Row hashing of pact versions and ratifications begins here: the rows below are recorded as they stood at the upgrade.',
  );
}

/** Nothing to undo: the audit log is append-only, and the baseline event stays true history. */
export async function down(): Promise<void> {}
