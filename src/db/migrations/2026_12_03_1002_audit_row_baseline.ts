import type { Kysely } from 'kysely';
import { appendAudit, baselineAction } from '../../features/audit/audit.service.ts';
import { coveredTables, readRowStates } from '../../features/audit/row-state.repository.ts';
import type { Db } from '../database.ts';

/**
 * From this change on, every event that writes a decision, ballot, organization or pact carries
 * the hash of the row it produced. Chains begun before it have events without those hashes: an
 * honest verifier cannot say whether a row edited before today was edited by the application. So
 * each existing chain gets one `audit.rows_baselined` event that records the hash of every covered
 * row as it stands at the upgrade. `audit verify` vouches for rows from that event on, and says
 * so; what happened to them before it rests on the events' payloads alone (docs/security.md).
 *
 * This migration uses the audit feature's own code (not a copy), so the baseline hashes rows
 * exactly as every later event does.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const trx = db as unknown as Db;
  const coalitions = await trx.selectFrom('coalitions').select('id').orderBy('id').execute();
  for (const { id: coalitionId } of coalitions) {
    const rows = [];
    for (const table of coveredTables) {
      for (const { id } of await readRowStates(trx, coalitionId, table)) rows.push({ table, id });
    }
    if (rows.length === 0) continue;
    await appendAudit(trx, {
      coalitionId,
      actor: null,
      action: baselineAction,
      subject: { type: 'coalition', id: coalitionId },
      payload: {
        note: 'Row hashing begins here: the rows below are recorded as they stood at the upgrade; their history before this event is vouched for by the events payloads only.',
      },
      rows,
    });
  }
}

/** Nothing to undo: the audit log is append-only, and the baseline event stays true history. */
export async function down(): Promise<void> {}
