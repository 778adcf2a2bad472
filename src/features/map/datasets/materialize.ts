import type { Insertable } from 'kysely';
import type {
  ElectionsTable,
  JurisdictionsTable,
  RacesTable,
  ResultSetsTable,
  ResultUnitsTable,
  ResultVotesTable,
} from '../../../db/tables/map.ts';
import { electionId, jurisdictionId, raceId, resultSetId } from '../ids.ts';
import {
  type Bundle,
  type JurisdictionKey,
  type JurisdictionSpec,
  jurisdictionKey,
  raceKey,
} from './bundle.ts';

export interface MaterializedRows {
  jurisdictions: Insertable<JurisdictionsTable>[];
  elections: Insertable<ElectionsTable>[];
  races: Insertable<RacesTable>[];
  resultSets: Insertable<ResultSetsTable>[];
  units: Insertable<ResultUnitsTable>[];
  votes: Insertable<ResultVotesTable>[];
}

export interface MaterializeOptions {
  /** `ref` for reference data, the coalition id for a coalition's own rows (see ids.ts). */
  scope: string;
  coalitionId: string | null;
  datasetId: string | null;
  /** Jurisdictions the bundle names but does not define (reference rows, or the coalition's own). */
  resolveJurisdiction?: (key: JurisdictionKey) => string | undefined;
}

const splitKey = (key: JurisdictionKey): [string, string] => {
  const at = key.indexOf(':');
  return [key.slice(0, at), key.slice(at + 1)];
};

/** Turns a bundle's natural keys into rows with their stable ids, parents before children. */
export function materialize(bundle: Bundle, options: MaterializeOptions): MaterializedRows {
  const { scope, coalitionId } = options;
  const own = new Set(bundle.jurisdictions.map((j) => jurisdictionKey(j.kind, j.code)));
  const ids = new Map<JurisdictionKey, string>();
  const idOf = (key: JurisdictionKey): string => {
    let id = ids.get(key);
    if (id === undefined) {
      const [kind, code] = splitKey(key);
      id =
        (own.has(key) ? undefined : options.resolveJurisdiction?.(key)) ?? jurisdictionId(scope, kind, code);
      ids.set(key, id);
    }
    return id;
  };
  const electionIds = new Map(bundle.elections.map((e) => [e.slug, electionId(scope, e.slug)]));
  const electionIdOf = (slug: string) => electionIds.get(slug) ?? electionId(scope, slug);
  const raceIds = new Map(
    bundle.races.map((r) => [raceKey(r), raceId(scope, r.election, r.office, idOf(r.jurisdiction), r.stage)]),
  );
  const setIds = new Map(bundle.resultSets.map((set) => [set.slug, resultSetId(scope, set.slug)]));
  const setIdOf = (slug: string) => setIds.get(slug) ?? resultSetId(scope, slug);
  return {
    jurisdictions: parentsFirst(bundle.jurisdictions).map((j) => ({
      id: idOf(jurisdictionKey(j.kind, j.code)),
      coalition_id: coalitionId,
      kind: j.kind,
      code: j.code,
      name: j.name,
      parent_id: j.parent ? idOf(j.parent) : null,
      country: j.country,
      abbr: j.abbr,
      geometry: null,
    })),
    elections: bundle.elections.map((e) => ({
      id: electionIdOf(e.slug),
      coalition_id: coalitionId,
      slug: e.slug,
      name: e.name,
      country: e.country,
      election_date: e.date,
    })),
    races: bundle.races.map((r) => ({
      id: raceIds.get(raceKey(r)) ?? '',
      coalition_id: coalitionId,
      election_id: electionIdOf(r.election),
      jurisdiction_id: idOf(r.jurisdiction),
      office: r.office,
      stage: r.stage,
      name: r.name,
      seats: r.seats,
      filing_deadline: r.filingDeadline,
    })),
    resultSets: bundle.resultSets.map((s) => ({
      id: setIdOf(s.slug),
      coalition_id: coalitionId,
      slug: s.slug,
      name: s.name,
      dataset_id: options.datasetId,
      election_id: s.election ? electionIdOf(s.election) : null,
      office: s.office,
      unit_kind: s.unitKind,
      measure: s.measure,
    })),
    units: bundle.units.map((u) => ({
      result_set_id: setIdOf(u.set),
      jurisdiction_id: idOf(u.jurisdiction),
      coalition_id: coalitionId,
      race_id: u.race ? (raceIds.get(u.race) ?? null) : null,
      total_votes: u.totalVotes,
      invalid_votes: u.invalidVotes,
      registered: u.registered,
      published_lean: u.publishedLean,
    })),
    votes: bundle.votes.map((v) => ({
      result_set_id: setIdOf(v.set),
      jurisdiction_id: idOf(v.jurisdiction),
      coalition_id: coalitionId,
      candidate: v.candidate,
      line: v.line,
      party: v.party,
      votes: v.votes,
      outcome: v.outcome,
    })),
  };
}

/** Orders jurisdictions so that a parent defined in the same list comes before its children. */
export function parentsFirst(specs: readonly JurisdictionSpec[]): JurisdictionSpec[] {
  const byKey = new Map(specs.map((j) => [jurisdictionKey(j.kind, j.code), j]));
  const depth = new Map<string, number>();
  const depthOf = (key: string, seen = 0): number => {
    const known = depth.get(key);
    if (known !== undefined) return known;
    const parent = byKey.get(key as JurisdictionKey)?.parent;
    const value = parent && byKey.has(parent) && seen < 16 ? depthOf(parent, seen + 1) + 1 : 0;
    depth.set(key, value);
    return value;
  };
  return [...specs].sort(
    (a, b) => depthOf(jurisdictionKey(a.kind, a.code)) - depthOf(jurisdictionKey(b.kind, b.code)),
  );
}
