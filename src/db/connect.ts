import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import { CopyPlugin, pgliteCopier, postgresCopier } from './copy.ts';
import { acquireDataDirLock, type LockHolder } from './data-dir-lock.ts';
import type { Database } from './database.ts';
import { type Listen, listenPglite, listenPostgres } from './listen.ts';

export type DatabaseTarget =
  | { kind: 'postgres'; url: string }
  | { kind: 'pglite'; dataDir: string }
  /** In memory; `image` is a data directory dumped by PGlite's dumpDataDir (tests start from a migrated one). */
  | { kind: 'memory'; image?: Blob };

export interface DatabaseHandle {
  db: Kysely<Database>;
  target: DatabaseTarget;
  /** LISTEN to a NOTIFY channel (the app servers' cache invalidation, src/http/change-feed.ts). */
  listen: Listen;
  close(): Promise<void>;
}

/** DATABASE_URL wins; otherwise embedded PGlite in CONCORD_DATA_DIR. */
export function targetFromEnv(env: { DATABASE_URL?: string | undefined; CONCORD_DATA_DIR: string }) {
  if (env.DATABASE_URL) return { kind: 'postgres', url: env.DATABASE_URL } as const;
  return { kind: 'pglite', dataDir: env.CONCORD_DATA_DIR } as const;
}

// node-postgres parses BIGINT (int8) as a string by default; our counts fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

/** How every PGlite instance is opened (a data dir dumped from one must be loaded with the same). */
export const pgliteOptions = {
  // Trigram matching finds duplicate supporters by fuzzy name and address (migration 2026_12_03_6001).
  extensions: { pg_trgm },
  parsers: { 20: (value: string) => Number(value), 1700: (value: string) => Number(value) },
};

/**
 * The one place where the choice between embedded PGlite and a PostgreSQL server is made. A PGlite
 * data directory is locked for this process until `close()` (see data-dir-lock.ts); `holder` only
 * words the refusal another process gets.
 */
export async function connect(
  target: DatabaseTarget,
  options: { holder?: LockHolder } = {},
): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool }),
      plugins: [new CopyPlugin(postgresCopier(pool))],
    });
    return { db, target, listen: listenPostgres(target.url), close: () => db.destroy() };
  }
  if (target.kind === 'memory') {
    const pglite = await PGlite.create({
      ...pgliteOptions,
      ...(target.image ? { loadDataDir: target.image } : {}),
    });
    const db = pgliteKysely(pglite);
    return { db, target, listen: listenPglite(pglite), close: () => db.destroy() };
  }
  mkdirSync(target.dataDir, { recursive: true });
  const lock = acquireDataDirLock(target.dataDir, options.holder ?? 'command');
  try {
    const pglite = await PGlite.create(target.dataDir, pgliteOptions);
    const db = pgliteKysely(pglite);
    const close = async () => {
      try {
        await db.destroy();
      } finally {
        lock.release();
      }
    };
    return { db, target, listen: listenPglite(pglite), close };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** Kysely over a PGlite instance, able to COPY inside its transactions (copy.ts). */
export function pgliteKysely(pglite: PGlite): Kysely<Database> {
  const copier = pgliteCopier(pglite);
  return new Kysely<Database>({
    dialect: new PGliteDialect({ pglite: copier.pglite }),
    plugins: [new CopyPlugin(copier.copy)],
  });
}

export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === 'postgres') return `PostgreSQL at ${redactUrl(target.url)}`;
  if (target.kind === 'pglite') return `embedded PGlite in ${target.dataDir}`;
  return 'embedded PGlite in memory';
}

function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
}
