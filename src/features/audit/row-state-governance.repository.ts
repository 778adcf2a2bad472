import type { Db } from '../../db/database.ts';
import { charterRatificationRowId, iso, leadingPart, memberOf, type RowState } from './row-state-ids.ts';

/**
 * The registry's covered rows: the charter and its ratifications, strength evidence, the
 * coalition's governance settings (one row, keyed by the coalition) and the log of status changes.
 * Bookkeeping timestamps (created_at, updated_at) are left out; the times that mean something
 * (a charter's adoption, a ratification, a verification, a status change) are in.
 */
const governanceTables = [
  'charter_versions',
  'charter_ratifications',
  'strength_evidence',
  'governance_settings',
  'organization_status_changes',
] as const;
export type GovernanceTable = (typeof governanceTables)[number];
export const isGovernanceTable = memberOf(governanceTables);

export async function readGovernanceRowStates(
  db: Db,
  coalitionId: string,
  table: GovernanceTable,
  ids?: readonly string[],
): Promise<RowState[]> {
  switch (table) {
    case 'charter_versions': {
      let query = db
        .selectFrom('charter_versions')
        .select(['id', 'version', 'planks', 'adopted_at', 'decision_id'])
        .where('coalition_id', '=', coalitionId);
      if (ids) query = query.where('id', 'in', ids);
      return (await query.execute()).map((r) => ({
        id: r.id,
        state: { ...r, adopted_at: iso(r.adopted_at) },
      }));
    }
    case 'charter_ratifications': {
      let query = db
        .selectFrom('charter_ratifications')
        .select(['charter_version_id', 'organization_id', 'ratified_by', 'ratified_at'])
        .where('coalition_id', '=', coalitionId);
      if (ids) query = query.where('charter_version_id', 'in', [...new Set(ids.map(leadingPart))]);
      const wanted = ids && new Set(ids);
      return (await query.execute())
        .map((r) => ({
          id: charterRatificationRowId(r.charter_version_id, r.organization_id),
          state: { ...r, ratified_at: iso(r.ratified_at) },
        }))
        .filter((row) => !wanted || wanted.has(row.id));
    }
    case 'strength_evidence': {
      let query = db
        .selectFrom('strength_evidence')
        .select([
          'id',
          'organization_id',
          'metric',
          'value',
          'as_of',
          'source',
          'note',
          'submitted_by',
          'verified_at',
          'verified_by',
        ])
        .where('coalition_id', '=', coalitionId);
      if (ids) query = query.where('id', 'in', ids);
      return (await query.execute()).map((r) => ({
        id: r.id,
        state: { ...r, value: Number(r.value), verified_at: iso(r.verified_at) },
      }));
    }
    case 'governance_settings': {
      // One row per coalition: its id in the chain is the coalition's.
      let query = db
        .selectFrom('governance_settings')
        .select(['coalition_id', 'settings'])
        .where('coalition_id', '=', coalitionId);
      if (ids) query = query.where('coalition_id', 'in', ids);
      return (await query.execute()).map((r) => ({ id: r.coalition_id, state: { settings: r.settings } }));
    }
    case 'organization_status_changes': {
      let query = db
        .selectFrom('organization_status_changes')
        .select([
          'id',
          'organization_id',
          'from_status',
          'to_status',
          'reason',
          'decision_id',
          'note',
          'actor_user_id',
          'at',
        ])
        .where('coalition_id', '=', coalitionId);
      if (ids) query = query.where('id', 'in', ids);
      return (await query.execute()).map((r) => ({ id: r.id, state: { ...r, at: iso(r.at) } }));
    }
  }
}
