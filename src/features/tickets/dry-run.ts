import type { Db } from '../../db/database.ts';

class DryRunRollback<T> extends Error {
  constructor(readonly value: T) {
    super('dry run');
  }
}

/** Runs a write in one transaction; with dryRun it does all of it, then rolls it back and returns what it would have done. */
export async function inTransactionMaybeDry<T>(
  db: Db,
  dryRun: boolean,
  work: (trx: Db) => Promise<T>,
): Promise<T> {
  try {
    return await db.transaction().execute(async (trx) => {
      const value = await work(trx);
      if (dryRun) throw new DryRunRollback(value);
      return value;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.value as T;
    throw error;
  }
}
