import type { Selectable } from 'kysely';
import type { JurisdictionsTable, ResultSetsTable } from '../../db/tables/map.ts';
import type { JurisdictionKind } from './kinds.ts';
import type { ElectionView, JurisdictionView, RaceView, ResultSetView } from './map.schema.ts';
import { scopeOf } from './visibility.ts';

/** Rows to API objects (the response schemas then whitelist what leaves the server). */

export function toJurisdictionView(row: Omit<Selectable<JurisdictionsTable>, 'geometry'>): JurisdictionView {
  return {
    id: row.id,
    kind: row.kind as JurisdictionKind,
    code: row.code,
    name: row.name,
    parentId: row.parent_id,
    country: row.country,
    abbr: row.abbr,
    scope: scopeOf(row.coalition_id),
  };
}

export function toElectionView(row: {
  id: string;
  coalition_id: string | null;
  slug: string;
  name: string;
  country: string;
  date: string;
}): ElectionView {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    country: row.country,
    date: row.date,
    scope: scopeOf(row.coalition_id),
  };
}

export function toRaceView(row: {
  id: string;
  coalition_id: string | null;
  election_id: string;
  office: string;
  stage: string;
  name: string;
  seats: number;
  filing_deadline: string | null;
  jurisdiction_id: string;
  jurisdiction_kind: string;
  jurisdiction_code: string;
  jurisdiction_name: string;
}): RaceView {
  return {
    id: row.id,
    electionId: row.election_id,
    office: row.office,
    stage: row.stage,
    name: row.name,
    seats: row.seats,
    filingDeadline: row.filing_deadline,
    jurisdiction: {
      id: row.jurisdiction_id,
      kind: row.jurisdiction_kind as JurisdictionKind,
      code: row.jurisdiction_code,
      name: row.jurisdiction_name,
    },
    scope: scopeOf(row.coalition_id),
  };
}

export function toResultSetView(row: Selectable<ResultSetsTable>): ResultSetView {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    electionId: row.election_id,
    office: row.office,
    unitKind: row.unit_kind as JurisdictionKind,
    measure: row.measure,
    datasetId: row.dataset_id,
    scope: scopeOf(row.coalition_id),
  };
}
