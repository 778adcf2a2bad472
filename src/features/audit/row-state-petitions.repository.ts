import type { Db } from '../../db/database.ts';
import { memberOf, type RowState } from './row-state-ids.ts';

/**
 * The petitions feature's covered rows: the coalition's own requirements, drives, packets and
 * validity checks. Requirements shipped with Concord (coalition_id null) belong to no coalition's
 * chain: they are the release's data (seed_version), checked against the code that ships them.
 * Circulators and signer lines are people (supporters' data) and are not hashed, so they stay
 * erasable (docs/security.md).
 */
const petitionTables = [
  'petition_requirements',
  'petition_drives',
  'petition_packets',
  'petition_checks',
] as const;
export type PetitionTable = (typeof petitionTables)[number];
export const isPetitionTable = memberOf(petitionTables);

export async function readPetitionRowStates(
  db: Db,
  coalitionId: string,
  table: PetitionTable,
  ids?: readonly string[],
): Promise<RowState[]> {
  switch (table) {
    case 'petition_requirements': {
      let query = db
        .selectFrom('petition_requirements')
        .select([
          'id',
          'key',
          'origin',
          'country',
          'jurisdiction',
          'jurisdiction_name',
          'kind',
          'title',
          'signatures',
          'number_status',
          'computation',
          'rule_text',
          'who_may_sign',
          'distribution',
          'deadline',
          'deadline_text',
          'verification_rule',
          'voters',
          'voters_basis',
          'source',
          'as_of',
          'seed_version',
          'created_by',
        ])
        .where('coalition_id', '=', coalitionId);
      if (ids) query = query.where('id', 'in', ids);
      return (await query.execute()).map((r) => ({ id: r.id, state: { ...r } }));
    }
    case 'petition_drives': {
      let query = db
        .selectFrom('petition_drives')
        .select([
          'id',
          'organization_id',
          'requirement_id',
          'name',
          'target_kind',
          'target_name',
          'target_candidate_id',
          'required',
          'expected_validity',
          'safety_margin',
          'start_day',
          'due_day',
          'filing_day',
          'cure_days',
          'verification_rule',
          'created_by',
        ])
        .where('coalition_id', '=', coalitionId);
      if (ids) query = query.where('id', 'in', ids);
      return (await query.execute()).map((r) => ({ id: r.id, state: { ...r } }));
    }
    case 'petition_packets': {
      let query = db
        .selectFrom('petition_packets')
        .select([
          'id',
          'organization_id',
          'drive_id',
          'circulator_id',
          'label',
          'county',
          'collected_on',
          'raw_count',
        ])
        .where('coalition_id', '=', coalitionId);
      if (ids) query = query.where('id', 'in', ids);
      return (await query.execute()).map((r) => ({ id: r.id, state: { ...r } }));
    }
    case 'petition_checks': {
      let query = db
        .selectFrom('petition_checks')
        .select([
          'id',
          'organization_id',
          'drive_id',
          'packet_id',
          'checked_on',
          'lines_checked',
          'lines_valid',
          'not_registered',
          'wrong_jurisdiction',
          'duplicate',
          'illegible',
          'address_mismatch',
        ])
        .where('coalition_id', '=', coalitionId);
      if (ids) query = query.where('id', 'in', ids);
      return (await query.execute()).map((r) => ({ id: r.id, state: { ...r } }));
    }
  }
}
