import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | undefined, Date>;

export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'failed';

/** The embedded job queue's rows (src/jobs/local-queue.ts); pg-boss keeps its own on PostgreSQL. */
export interface JobsTable {
  id: Generated<string>;
  queue: string;
  key: string | null;
  data: ColumnType<unknown, string, string>;
  state: JobState;
  attempts: Generated<number>;
  run_after: Timestamp;
  last_error: string | null;
  created_at: Timestamp;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
}

export interface JobTables {
  jobs: JobsTable;
}
