import type { Db } from '../../db/database.ts';

/**
 * The rows the audit chain vouches for, read as the hash sees them. Each event that writes one of
 * these rows carries the hash of its state (`payload.rowHashes`), and `audit verify` compares the
 * rows as they stand with the last hash the chain recorded for each. Only columns that carry
 * meaning are covered: timestamps of bookkeeping (updated_at) are not, the decision's window and
 * close time are.
 */
export const coveredTables = ['decisions', 'ballots', 'organizations', 'pacts'] as const;
export type CoveredTable = (typeof coveredTables)[number];

export interface RowRef {
  table: CoveredTable;
  id: string;
}

export const rowKey = (ref: RowRef): string => `${ref.table}/${ref.id}`;

const iso = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

/** Current states of the given rows, or of every covered row of the coalition (ids omitted). */
export async function readRowStates(
  db: Db,
  coalitionId: string,
  table: CoveredTable,
  ids?: readonly string[],
): Promise<{ id: string; state: Record<string, unknown> }[]> {
  if (ids?.length === 0) return [];
  switch (table) {
    case 'decisions': {
      let query = db
        .selectFrom('decisions')
        .select([
          'id',
          'kind',
          'title',
          'body',
          'subject_organization_id',
          'grounds',
          'proposal',
          'method',
          'rules',
          'secret',
          'opens_at',
          'closes_at',
          'status',
          'roll',
          'result',
          'outcome',
          'closed_at',
        ])
        .where('coalition_id', '=', coalitionId);
      if (ids) query = query.where('id', 'in', ids);
      return (await query.execute()).map((r) => ({
        id: r.id,
        state: { ...r, opens_at: iso(r.opens_at), closes_at: iso(r.closes_at), closed_at: iso(r.closed_at) },
      }));
    }
    case 'ballots': {
      let query = db
        .selectFrom('ballots')
        .select(['id', 'decision_id', 'organization_id', 'content', 'receipt', 'revision', 'row_nonce'])
        .where('coalition_id', '=', coalitionId);
      if (ids) query = query.where('id', 'in', ids);
      return (await query.execute()).map((r) => ({ id: r.id, state: { ...r } }));
    }
    case 'organizations': {
      let query = db
        .selectFrom('organizations')
        .select(['id', 'name', 'kind', 'parent_id', 'status'])
        .where('coalition_id', '=', coalitionId);
      if (ids) query = query.where('id', 'in', ids);
      return (await query.execute()).map((r) => ({ id: r.id, state: { ...r } }));
    }
    case 'pacts': {
      let query = db
        .selectFrom('pacts')
        .select(['id', 'name', 'kind', 'settings', 'members', 'revision'])
        .where('coalition_id', '=', coalitionId);
      if (ids) query = query.where('id', 'in', ids);
      return (await query.execute()).map((r) => ({ id: r.id, state: { ...r } }));
    }
  }
}
