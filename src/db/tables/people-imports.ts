import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | undefined, Date>;
type Json = ColumnType<unknown, string, string>;

export type PeopleImportStatus = 'queued' | 'running' | 'done' | 'failed';

/** A web import run as a job (src/features/supporters/import/import-job.service.ts). */
export interface PeopleImportsTable {
  id: string;
  coalition_id: string;
  organization_id: string;
  requested_by: string;
  requested_role: string;
  file_name: string;
  file_bytes: number;
  options: Json;
  status: PeopleImportStatus;
  report: ColumnType<unknown, string | null, string | null>;
  error: ColumnType<unknown, string | null, string | null>;
  created_at: Timestamp;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
}

export interface PeopleImportProgressTable {
  import_id: string;
  rows: number;
  bytes: ColumnType<string | number, number, number>;
  updated_at: Timestamp;
}

export interface PeopleImportFilesTable {
  import_id: string;
  content: ColumnType<Uint8Array, Uint8Array, Uint8Array>;
}

export interface PeopleImportTables {
  people_imports: PeopleImportsTable;
  people_import_progress: PeopleImportProgressTable;
  people_import_files: PeopleImportFilesTable;
}
