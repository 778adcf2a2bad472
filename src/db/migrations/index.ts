import type { Migration } from 'kysely/migration';
import * as accounts from './2026_11_23_0001_accounts.ts';

/**
 * Every migration, in order. Listed statically (not read from the file system) so the same
 * list works under tsx, vitest and a bundle. Names sort chronologically: YYYY_MM_DD_NNNN_topic.
 */
export const migrations: Record<string, Migration> = {
  '2026_11_23_0001_accounts': accounts,
};
