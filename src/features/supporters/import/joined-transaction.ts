import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';

/**
 * `trx` as a database whose `transaction()` runs inside `trx`, behind a savepoint: a service that
 * opens its own transaction (importPeople) then commits with the caller's writes (the import's
 * status), all or nothing, and a rollback inside it undoes only its own writes. Kysely refuses
 * `transaction()` on a Transaction, hence this wrapper rather than a change to the service.
 */
export function joinedTransaction(trx: Db): Db {
  let depth = 0;
  const transaction = () => ({
    execute: async <T>(fn: (inner: Db) => Promise<T>): Promise<T> => {
      depth += 1;
      const name = sql.id(`joined_${depth}`);
      await sql`savepoint ${name}`.execute(trx);
      try {
        const result = await fn(joined);
        await sql`release savepoint ${name}`.execute(trx);
        return result;
      } catch (error) {
        await sql`rollback to savepoint ${name}`.execute(trx);
        throw error;
      } finally {
        depth -= 1;
      }
    },
  });
  // Kysely keeps its state in private fields: its methods must run on the real object.
  const joined: Db = new Proxy(trx, {
    get(target, property) {
      if (property === 'transaction') return transaction;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return joined;
}
