import type { Db } from '../../db/database.ts';
import { appendAudit, baselineAction } from './audit.service.ts';
import { type CoveredTable, type RowRef, readRowStates } from './row-state.repository.ts';

/**
 * Starts row hashing for tables that chains begun earlier did not cover: each coalition gets one
 * `audit.rows_baselined` event recording the hash of every row of those tables as it stands now.
 * `audit verify` vouches for these rows from that event on; their history before it rests on the
 * events' payloads alone (docs/security.md). Used by the migrations that widen the coverage, so a
 * baseline hashes rows exactly as every later event does.
 */
export async function baselineRows(db: Db, tables: readonly CoveredTable[], note: string): Promise<void> {
  const coalitions = await db.selectFrom('coalitions').select('id').orderBy('id').execute();
  for (const { id: coalitionId } of coalitions) {
    const rows: RowRef[] = [];
    for (const table of tables) {
      for (const { id } of await readRowStates(db, coalitionId, table)) rows.push({ table, id });
    }
    if (rows.length === 0) continue;
    await appendAudit(db, {
      coalitionId,
      actor: null,
      action: baselineAction,
      subject: { type: 'coalition', id: coalitionId },
      payload: { note, tables: [...tables] },
      rows,
    });
  }
}
