import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { z } from 'zod';
import type { Actor, Role } from '../../../core/actor.ts';
import { DomainError, notFound } from '../../../core/errors.ts';
import type { Db } from '../../../db/database.ts';
import { ownerScope } from '../access.ts';
import { importTargetSchema, presetNameSchema } from './import.schema.ts';
import { type ImportReport, importPeople } from './import.service.ts';
import * as repo from './import-job.repository.ts';
import { joinedTransaction } from './joined-transaction.ts';
import { endLiveImport, liveImport, startLiveImport, updateLiveImport } from './live-progress.ts';

/**
 * Web imports as durable jobs (docs/supporters.md): the request stores the file and an import row
 * and answers at once; a job (import-job.ts) runs the import (importPeople, unchanged) on any app
 * server, and the web app polls the row. The CLI keeps calling importPeople directly.
 */

/** The largest file the web app may hand over: it is kept in the database until its import ends. */
export const maxImportFileBytes = 20 * 1024 * 1024;

export const importJobOptionsSchema = z.object({
  preset: presetNameSchema.nullable(),
  mapping: z.record(z.string(), importTargetSchema).optional(),
});
export type ImportJobOptions = z.infer<typeof importJobOptionsSchema>;

export interface ImportJobError {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

export interface ImportStatus {
  id: string;
  fileName: string;
  fileBytes: number;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: { rows: number; bytes: number };
  /** Once ended: what was imported, or (failed) every row error; duplicates either way. */
  report: ImportReport | null;
  /** failed without a report: the file as a whole was refused (or the job could not run). */
  error: ImportJobError | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface RequestedImport {
  id: string;
  coalitionId: string;
}

/** Stores the file and the queued import in the caller's transaction (the caller adds the job). */
export async function requestImport(
  trx: Db,
  actor: Actor,
  input: { fileName: string; csv: string } & ImportJobOptions,
): Promise<RequestedImport> {
  const scope = ownerScope(actor, 'import supporters');
  const id = randomUUID();
  const options: ImportJobOptions = {
    preset: input.preset,
    ...(input.mapping ? { mapping: input.mapping } : {}),
  };
  await repo.insertImport(trx, {
    id,
    coalitionId: scope.coalitionId,
    organizationId: scope.organizationId,
    requestedBy: actor.userId,
    requestedRole: actor.role,
    fileName: input.fileName,
    options,
    content: Buffer.from(input.csv, 'utf8'),
  });
  return { id, coalitionId: scope.coalitionId };
}

/** Your own member's import only: another member's answers 404, as if it did not exist. */
export async function getImport(db: Db, actor: Actor, id: string): Promise<ImportStatus> {
  const scope = ownerScope(actor, 'read an import');
  const row = await repo.findImport(db, scope.coalitionId, scope.organizationId, id);
  if (!row) throw notFound('people.import_not_found', 'No such import.', { id });
  return {
    id: row.id,
    fileName: row.file_name,
    fileBytes: row.file_bytes,
    status: row.status,
    progress: { rows: row.progress_rows ?? 0, bytes: Number(row.progress_bytes ?? 0) },
    report: (row.report as ImportReport | null) ?? null,
    error: (row.error as ImportJobError | null) ?? null,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}

/**
 * The status of an import this process is running, from memory (live-progress.ts), without
 * touching the database: null when it is not running here (read the table then). Another member's
 * answers 404 as the table would.
 */
export function getLiveImport(actor: Actor, id: string): ImportStatus | null {
  const scope = ownerScope(actor, 'read an import');
  const live = liveImport(id);
  if (!live) return null;
  if (live.coalitionId !== scope.coalitionId || live.organizationId !== scope.organizationId)
    throw notFound('people.import_not_found', 'No such import.', { id });
  return {
    id,
    fileName: live.fileName,
    fileBytes: live.fileBytes,
    status: 'running',
    progress: { rows: live.rows, bytes: live.bytes },
    report: null,
    error: null,
    createdAt: live.createdAt.toISOString(),
    finishedAt: null,
  };
}

/** The actor the import was requested as: the job acts for that member, as its organizer did. */
function requester(row: repo.ImportRow): Actor {
  return {
    userId: row.requested_by,
    coalitionId: row.coalition_id,
    organizationId: row.organization_id,
    role: row.requested_role as Role,
  };
}

/** Progress goes through `db` (not the import's transaction), one write at a time, the latest wins. */
function progressWriter(db: Db, id: string) {
  let latest: { rows: number; bytes: number } | null = null;
  let writing = false;
  const drain = async () => {
    writing = true;
    while (latest) {
      const { rows, bytes } = latest;
      latest = null;
      await repo.saveProgress(db, id, rows, bytes).catch(() => undefined);
    }
    writing = false;
  };
  return (progress: { rows: number; bytes: number }) => {
    updateLiveImport(id, progress);
    latest = progress;
    if (!writing) void drain();
  };
}

export type ImportJobOutcome = 'ended' | 'skipped';

/**
 * Runs one import, once: the import row is locked and checked first, and the people, the audit
 * event and the import's end commit together (or none of them), so a job delivered twice, or
 * again after a crash, finds the import ended and changes nothing. A row error or a refused file
 * ends it `failed` with its report and nothing imported. Other errors (a database error, the
 * server stopping) are thrown for the queue to retry; on the last attempt they are recorded.
 */
export async function runImportJob(
  db: Db,
  id: string,
  attempt: { lastAttempt: boolean },
): Promise<ImportJobOutcome> {
  const claimed = await db.transaction().execute(async (trx) => {
    const row = await repo.lockImport(trx, id);
    if (!row || (row.status !== 'queued' && row.status !== 'running')) return null;
    await repo.markRunning(trx, id);
    return row;
  });
  if (!claimed) return 'skipped';
  // Known in memory before the import's transaction opens: a status read arriving once it is open
  // must not go to the table (on PGlite it would wait for the whole import).
  startLiveImport(id, {
    coalitionId: claimed.coalition_id,
    organizationId: claimed.organization_id,
    fileName: claimed.file_name,
    fileBytes: claimed.file_bytes,
    createdAt: claimed.created_at,
  });
  try {
    return await db
      .transaction()
      .execute(async (trx) => {
        const row = await repo.lockImport(trx, id);
        if (row?.status !== 'running') return 'skipped';
        const content = await repo.readFile(trx, id);
        if (!content) throw new Error(`import ${id}: its file is missing`);
        const options = importJobOptionsSchema.parse(row.options);
        const outcome = await importPeople(
          joinedTransaction(trx),
          requester(row),
          Readable.from([Buffer.from(content)]),
          {
            fileName: row.file_name,
            preset: options.preset,
            ...(options.mapping ? { mapping: options.mapping } : {}),
            dryRun: false,
            onProgress: progressWriter(db, id),
          },
        ).then(
          (report) => ({ report, error: null }),
          (error: unknown) => {
            // A refused file (a protected column, an unknown mapped column) is the import's outcome.
            if (error instanceof DomainError)
              return {
                report: null,
                error: { code: error.code, message: error.message, details: error.details },
              };
            throw error;
          },
        );
        const done = outcome.report?.committed === true;
        await repo.finishImport(trx, id, done ? 'done' : 'failed', outcome);
        return 'ended' as const;
      })
      // Only once the transaction has ended does the table say what memory said.
      .finally(() => endLiveImport(id));
  } catch (error) {
    if (!attempt.lastAttempt) throw error;
    await db.transaction().execute(async (trx) => {
      const row = await repo.lockImport(trx, id);
      if (row?.status !== 'running') return;
      await repo.finishImport(trx, id, 'failed', {
        report: null,
        error: { code: 'internal', message: 'The import could not run; nothing was imported. Try again.' },
      });
    });
    return 'ended';
  }
}
