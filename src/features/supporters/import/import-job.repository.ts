import type { Selectable } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { PeopleImportStatus, PeopleImportsTable } from '../../../db/tables/people-imports.ts';

export type ImportRow = Selectable<PeopleImportsTable>;

export interface NewImportRow {
  id: string;
  coalitionId: string;
  organizationId: string;
  requestedBy: string;
  requestedRole: string;
  fileName: string;
  options: object;
  content: Uint8Array;
}

export async function insertImport(db: Db, row: NewImportRow): Promise<void> {
  await db
    .insertInto('people_imports')
    .values({
      id: row.id,
      coalition_id: row.coalitionId,
      organization_id: row.organizationId,
      requested_by: row.requestedBy,
      requested_role: row.requestedRole,
      file_name: row.fileName,
      file_bytes: row.content.byteLength,
      options: JSON.stringify(row.options),
      status: 'queued',
      report: null,
      error: null,
    })
    .execute();
  await db.insertInto('people_import_files').values({ import_id: row.id, content: row.content }).execute();
}

/** One member's import, with its progress; undefined for another member's (or none). */
export async function findImport(db: Db, coalitionId: string, organizationId: string, id: string) {
  return db
    .selectFrom('people_imports as i')
    .leftJoin('people_import_progress as p', 'p.import_id', 'i.id')
    .selectAll('i')
    .select(['p.rows as progress_rows', 'p.bytes as progress_bytes'])
    .where('i.id', '=', id)
    .where('i.coalition_id', '=', coalitionId)
    .where('i.organization_id', '=', organizationId)
    .executeTakeFirst();
}

/**
 * The import row, locked for the rest of the transaction (a second delivery of its job waits here).
 * FOR NO KEY UPDATE, not FOR UPDATE: the progress row's foreign key check takes KEY SHARE on this
 * row, which FOR UPDATE blocks, so on PostgreSQL no progress showed until the import had ended.
 */
export async function lockImport(db: Db, id: string): Promise<ImportRow | undefined> {
  return db.selectFrom('people_imports').selectAll().where('id', '=', id).forNoKeyUpdate().executeTakeFirst();
}

export async function readFile(db: Db, id: string): Promise<Uint8Array | undefined> {
  const row = await db
    .selectFrom('people_import_files')
    .select('content')
    .where('import_id', '=', id)
    .executeTakeFirst();
  return row?.content;
}

export async function markRunning(db: Db, id: string): Promise<void> {
  await db
    .updateTable('people_imports')
    .set({ status: 'running', started_at: new Date() })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .execute();
}

/** Ends the import (done or failed) and drops its stored file. */
export async function finishImport(
  db: Db,
  id: string,
  status: Extract<PeopleImportStatus, 'done' | 'failed'>,
  outcome: { report: object | null; error: object | null },
): Promise<void> {
  await db
    .updateTable('people_imports')
    .set({
      status,
      report: outcome.report === null ? null : JSON.stringify(outcome.report),
      error: outcome.error === null ? null : JSON.stringify(outcome.error),
      finished_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
  await db.deleteFrom('people_import_files').where('import_id', '=', id).execute();
}

export async function saveProgress(db: Db, id: string, rows: number, bytes: number): Promise<void> {
  await db
    .insertInto('people_import_progress')
    .values({ import_id: id, rows, bytes, updated_at: new Date() })
    .onConflict((oc) => oc.column('import_id').doUpdateSet({ rows, bytes, updated_at: new Date() }))
    .execute();
}
