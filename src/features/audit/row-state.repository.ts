import type { Db } from '../../db/database.ts';
import { type CoveredTable, coveredTables } from './audit.schema.ts';
import { isGovernanceTable, readGovernanceRowStates } from './row-state-governance.repository.ts';
import { iso, type RowState } from './row-state-ids.ts';
import { isPetitionTable, readPetitionRowStates } from './row-state-petitions.repository.ts';
import { isTicketTable, readTicketRowStates } from './row-state-tickets.repository.ts';

/**
 * The rows the audit chain vouches for, read as the hash sees them. Each event that writes one of
 * these rows carries the hash of its state (`payload.rowHashes`), and `audit verify` compares the
 * rows as they stand with the last hash the chain recorded for each. Only columns that carry
 * meaning are covered: timestamps of bookkeeping (updated_at) are not, the decision's window and
 * close time are. The list itself is in audit.schema.ts (the API's findings name the tables).
 */
export { type CoveredTable, coveredTables };

export interface RowRef {
  table: CoveredTable;
  id: string;
}

export const rowKey = (ref: RowRef): string => `${ref.table}/${ref.id}`;

/** The inverse of rowKey: the table ends at the first slash (an id may hold one, a table never). */
export function parseRowKey(key: string): RowRef {
  const slash = key.indexOf('/');
  return { table: key.slice(0, slash) as CoveredTable, id: key.slice(slash + 1) };
}

/** Current states of the given rows, or of every covered row of the coalition (ids omitted). */
export async function readRowStates(
  db: Db,
  coalitionId: string,
  table: CoveredTable,
  ids?: readonly string[],
): Promise<RowState[]> {
  if (ids?.length === 0) return [];
  if (isGovernanceTable(table)) return readGovernanceRowStates(db, coalitionId, table, ids);
  if (isTicketTable(table)) return readTicketRowStates(db, coalitionId, table, ids);
  if (isPetitionTable(table)) return readPetitionRowStates(db, coalitionId, table, ids);
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
    case 'pact_versions': {
      let query = db
        .selectFrom('pact_versions')
        .select([
          'id',
          'pact_id',
          'number',
          'kind',
          'pact_revision',
          'input',
          'labels',
          'result',
          'expected_wins',
          'no_pact_wins',
          'entitlement_ok',
          'wef1',
          'note',
          'run_id',
        ])
        .where('coalition_id', '=', coalitionId);
      if (ids) query = query.where('id', 'in', ids);
      return (await query.execute()).map((r) => ({ id: r.id, state: { ...r } }));
    }
    case 'pact_ratifications': {
      let query = db
        .selectFrom('pact_ratifications')
        .select(['id', 'pact_id', 'version_id', 'decision_id'])
        .where('coalition_id', '=', coalitionId);
      if (ids) query = query.where('id', 'in', ids);
      return (await query.execute()).map((r) => ({ id: r.id, state: { ...r } }));
    }
  }
}
