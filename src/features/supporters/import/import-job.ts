import { z } from 'zod';
import type { Db } from '../../../db/database.ts';
import type { JobQueue, QueueOptions } from '../../../jobs/index.ts';
import type { RequestedImport } from './import-job.service.ts';
import { runImportJob } from './import-job.service.ts';

/** The queue of web imports (docs/decisions/0017): one job per import, keyed by its id. */
export const peopleImportQueue = 'people-imports';

const importJobSchema = z.object({ importId: z.uuid(), coalitionId: z.uuid() });
export type PeopleImportJob = z.infer<typeof importJobSchema>;

/**
 * One import per server at a time (an import is one long transaction, and on PGlite it holds the
 * only connection). Three retries, 2 s, 4 s, 8 s apart: an interrupted import starts over from
 * its stored file, nothing of the cut attempt having committed.
 */
export const peopleImportQueueOptions: QueueOptions = {
  concurrency: 1,
  retryLimit: 3,
  retryDelaySeconds: 2,
  backoff: true,
};

/** Records the job in the transaction that stored the import: no import without its job. */
export function enqueueImport(jobs: JobQueue, trx: Db, requested: RequestedImport): Promise<void> {
  const data: PeopleImportJob = { importId: requested.id, coalitionId: requested.coalitionId };
  return jobs.enqueue(peopleImportQueue, data, { key: requested.id, trx });
}

/** The worker side: any server sharing the database may take an import's job. */
export function registerImportJobs(jobs: JobQueue, db: Db, log: (message: string) => void = () => {}): void {
  jobs.register<PeopleImportJob>(peopleImportQueue, peopleImportQueueOptions, async (data, context) => {
    const { importId } = importJobSchema.parse(data);
    log(`people import ${importId}: attempt ${context.attempt} started`);
    const outcome = await runImportJob(db, importId, { lastAttempt: context.lastAttempt });
    log(`people import ${importId}: attempt ${context.attempt} ${outcome}`);
  });
}
