import type { PGlite, Transaction as PGliteTransaction } from '@electric-sql/pglite';
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { sql } from 'kysely';
import type pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import type { Db } from './database.ts';

/**
 * `COPY table (columns) FROM …` inside the caller's transaction, on either driver: the fastest way
 * to load many rows (the server parses one text stream; no statement per batch, no parameters).
 * Kysely hides the connection a transaction runs on, so connect.ts installs a CopyPlugin that
 * knows how to reach it: on PostgreSQL the pool's client whose backend pid the transaction reports
 * (pg-copy-streams on that client); on PGlite the one open transaction (PGlite's transactions are
 * exclusive: while one runs, it is the only one), fed through COPY FROM '/dev/blob'.
 */
export type CopyValue = string | null;

/** One COPY of text-format data (already encoded) into `table` on the connection `db` runs on. */
type Copier = (db: Db, statement: string, data: string) => Promise<void>;

/** Carries the copier into every transaction (Kysely hands a transaction its root's plugins). */
export class CopyPlugin implements KyselyPlugin {
  constructor(readonly copy: Copier) {}
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

// Text format: backslash, tab, newline and carriage return escaped; \N is NULL.
const needsEscape = /[\\\t\n\r]/;
const escapes = /[\\\t\n\r]/g;
const escaped: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const escapeText = (value: string) =>
  needsEscape.test(value) ? value.replace(escapes, (ch) => escaped[ch] ?? ch) : value;

/** A text[] value as COPY reads it: an array literal, every element quoted. */
export function arrayLiteral(values: readonly string[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i += 1) {
    if (i > 0) out += ',';
    out += `"${(values[i] as string).replace(/["\\]/g, '\\$&')}"`;
  }
  return `${out}}`;
}

/** One row as a line of COPY's text format: columns separated by tabs, \N for null. */
export function copyLine(row: readonly CopyValue[]): string {
  let out = '';
  for (let i = 0; i < row.length; i += 1) {
    if (i > 0) out += '\t';
    const value = row[i];
    out += value === null || value === undefined ? '\\N' : escapeText(value);
  }
  return `${out}\n`;
}

/** Rows as COPY's text format: one line per row. */
export function copyText(rows: Iterable<readonly CopyValue[]>): string {
  let out = '';
  for (const row of rows) out += copyLine(row);
  return out;
}

/**
 * Copies rows into `table` inside the current transaction (`db` must be one: on PGlite the open
 * transaction is the only handle there is, and a COPY outside one would commit on its own).
 * Values are text as PostgreSQL reads it for the column's type (arrays through arrayLiteral).
 */
export function copyInto(
  db: Db,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly CopyValue[]>,
): Promise<void> {
  return copyTextInto(db, table, columns, copyText(rows));
}

/** copyInto for lines already encoded by copyLine (a caller streaming rows builds its text as it goes). */
export async function copyTextInto(
  db: Db,
  table: string,
  columns: readonly string[],
  text: string,
): Promise<void> {
  if (!db.isTransaction) throw new Error('copyInto runs inside a transaction');
  const plugin = db.getExecutor().plugins.find((p): p is CopyPlugin => p instanceof CopyPlugin);
  if (!plugin) throw new Error('this database was not opened by connect(): no COPY support');
  if (text === '') return;
  const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
  await plugin.copy(db, `copy ${ident(table)} (${columns.map(ident).join(', ')}) from`, text);
}

/** PostgreSQL: the transaction's client found by its backend pid, then pg-copy-streams on it. */
export function postgresCopier(pool: pg.Pool): Copier {
  const clients = new Map<number, pg.PoolClient>();
  // node-postgres sets processID from the server's BackendKeyData; its types do not declare it.
  const pidOf = (client: pg.PoolClient) =>
    (client as pg.PoolClient & { processID?: number | null }).processID;
  pool.on('connect', (client) => {
    const pid = pidOf(client);
    if (typeof pid === 'number') clients.set(pid, client);
  });
  pool.on('remove', (client) => {
    const pid = pidOf(client);
    if (typeof pid === 'number') clients.delete(pid);
  });
  return async (db, statement, data) => {
    const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);
    const client = clients.get(Number(rows[0]?.pid));
    if (!client) throw new Error('COPY: the transaction’s connection is not one of this pool’s');
    const stream = client.query(copyFromStdin(`${statement} stdin`));
    await new Promise<void>((resolve, reject) => {
      stream.on('error', reject);
      stream.on('finish', resolve);
      stream.end(data);
    });
  };
}

/**
 * PGlite: the instance handed to Kysely, with its transaction() watched so the open transaction is
 * known; a COPY runs on it from '/dev/blob'. Methods run on the real instance (it keeps private fields).
 */
export function pgliteCopier(pglite: PGlite): { pglite: PGlite; copy: Copier } {
  let open: PGliteTransaction | null = null;
  const transaction = <T>(callback: (tx: PGliteTransaction) => Promise<T>) =>
    pglite.transaction(async (tx) => {
      open = tx;
      try {
        return await callback(tx);
      } finally {
        open = null;
      }
    });
  const watched = new Proxy(pglite, {
    get(target, property) {
      if (property === 'transaction') return transaction;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const copy: Copier = async (_db, statement, data) => {
    if (open === null) throw new Error('COPY: no PGlite transaction is open');
    await open.query(`${statement} '/dev/blob'`, [], { blob: new Blob([data]) });
  };
  return { pglite: watched, copy };
}
