import type { Insertable } from 'kysely';
import { type Actor, requireRole, staffRoles } from '../../../core/actor.ts';
import type { Db } from '../../../db/database.ts';
import type { ResultUnitsTable, ResultVotesTable } from '../../../db/tables/map.ts';
import type { JurisdictionKey } from '../datasets/bundle.ts';
import { electionId, raceId, resultSetId } from '../ids.ts';
import { insertUnits, insertVotes, upsertCatalog } from '../load.repository.ts';
import { type ChangeCounts, canonicalJson, countChanges, type ImportReport, withoutKeys } from './changes.ts';
import { type DistrictOptions, parseDistricts } from './districts-geo.ts';
import * as repo from './import.repository.ts';
import { Problems } from './problems.ts';
import { parseRaceCsv } from './races-csv.ts';
import { resolveJurisdictions } from './resolve.ts';

export interface ImportInput {
  /** Shown in every problem: the file name (CLI) or "upload" (API). */
  file: string;
  text: string;
  dryRun: boolean;
}

/**
 * Imports a coalition's races and results (CSV). Everything is validated first; any problem
 * throws `import.invalid` listing them all, and nothing is written. With `dryRun` the counts of
 * new, changed, unchanged and removed rows are computed the same way and nothing is written. A
 * race's result lines in the file replace that race's lines in the database.
 */
export async function importRaces(db: Db, actor: Actor, input: ImportInput): Promise<ImportReport> {
  requireRole(actor, staffRoles, 'import races and results');
  const scope = actor.coalitionId;
  const problems = new Problems(input.file);
  const parsed = parseRaceCsv(input.text, problems);
  const jurisdictions = await resolveJurisdictions(db, scope, [...parsed.jurisdictions.values()], problems);
  problems.throwIfAny();

  const idOf = (key: JurisdictionKey) => jurisdictions.ids.get(key) ?? '';
  const elections = [...parsed.elections].map(([slug, e]) => ({
    id: electionId(scope, slug),
    coalition_id: scope,
    slug,
    name: e.name,
    country: 'ZZ',
    election_date: e.date,
  }));
  const setSlug = (r: { election: string; office: string; stage: string }) =>
    `${r.election}-${r.office}${r.stage === 'general' ? '' : `-${r.stage}`}`;
  const races = parsed.races.map((r) => ({
    ...r,
    id: raceId(scope, r.election, r.office, idOf(r.jurisdiction), r.stage),
    setId: resultSetId(scope, setSlug(r)),
  }));
  const raceRows = races.map((r) => ({
    id: r.id,
    coalition_id: scope,
    election_id: electionId(scope, r.election),
    jurisdiction_id: idOf(r.jurisdiction),
    office: r.office,
    stage: r.stage,
    name: `${r.office} — ${jurisdictions.names.get(r.jurisdiction) ?? r.jurisdiction}`,
    seats: r.seats,
    filing_deadline: r.filingDeadline,
  }));
  const reported = races.filter((r) => r.lines.length > 0 || r.totalVotes !== null);
  const resultSets = [...new Map(reported.map((r) => [r.setId, r])).values()].map((r) => ({
    id: r.setId,
    coalition_id: scope,
    slug: setSlug(r),
    name: `${parsed.elections.get(r.election)?.name ?? r.election} — ${r.office}${r.stage === 'general' ? '' : ` (${r.stage})`}`,
    dataset_id: null,
    election_id: electionId(scope, r.election),
    office: r.office,
    unit_kind: r.jurisdiction.slice(0, r.jurisdiction.indexOf(':')),
    measure: 'votes' as const,
  }));
  const units: Insertable<ResultUnitsTable>[] = reported.map((r) => ({
    result_set_id: r.setId,
    jurisdiction_id: idOf(r.jurisdiction),
    coalition_id: scope,
    race_id: r.id,
    total_votes: r.totalVotes ?? r.lines.reduce((sum, l) => sum + l.votes, 0),
    invalid_votes: null,
    registered: null,
    published_lean: null,
  }));
  const votes: Insertable<ResultVotesTable>[] = reported.flatMap((r) =>
    r.lines.map((l) => ({
      result_set_id: r.setId,
      jurisdiction_id: idOf(r.jurisdiction),
      coalition_id: scope,
      candidate: l.candidate,
      line: l.line,
      party: l.party,
      votes: l.votes,
      outcome: null,
    })),
  );

  const existingElections = await repo.findOwnElections(
    db,
    scope,
    elections.map((e) => e.id),
  );
  const existingRaces = await repo.findOwnRaces(
    db,
    scope,
    raceRows.map((r) => r.id),
  );
  const setIds = resultSets.map((s) => s.id);
  const existingUnits = await repo.findOwnUnits(db, scope, setIds);
  const existingVotes = await repo.findOwnVotes(db, scope, setIds);
  const unitKey = (u: { result_set_id: string; jurisdiction_id: string }) =>
    `${u.result_set_id}|${u.jurisdiction_id}`;
  const voteKey = (v: { result_set_id: string; jurisdiction_id: string; candidate: string; line: string }) =>
    `${unitKey(v)}|${v.candidate}|${v.line}`;
  const fileUnits = new Set(units.map(unitKey));
  const changes: Record<string, ChangeCounts> = {
    elections: countChanges(
      elections,
      existingElections,
      (e) => e.id,
      (e) => [e.name, e.election_date],
      (e) => [e.name, e.date],
    ),
    jurisdictions: jurisdictions.changes,
    races: countChanges(
      raceRows,
      existingRaces,
      (r) => r.id,
      (r) => [r.name, r.seats, r.filing_deadline],
      (r) => [r.name, r.seats, r.filing_deadline],
    ),
    results: countChanges(
      votes,
      existingVotes.filter((v) => fileUnits.has(unitKey(v))),
      voteKey,
      (v) => [v.party, v.votes],
      (v) => [v.party, v.votes],
    ),
  };
  const unitChanges = countChanges(
    units,
    existingUnits.filter((u) => fileUnits.has(unitKey(u))),
    unitKey,
    (u) => [u.total_votes ?? null],
    (u) => [u.total_votes],
  );
  if (!input.dryRun) {
    await upsertCatalog(db, { jurisdictions: jurisdictions.rows, elections, races: raceRows, resultSets });
    // A race whose lines or total changed gets exactly the file's lines.
    const changedUnits = new Set([
      ...votesChangedUnits(votes, existingVotes, voteKey, unitKey),
      ...unitChanges.keys,
    ]);
    const replaced = units.filter((u) => changedUnits.has(unitKey(u)));
    await repo.deleteOwnUnits(db, scope, replaced);
    await insertUnits(db, replaced);
    await insertVotes(
      db,
      votes.filter((v) => changedUnits.has(unitKey(v))),
    );
  }
  return {
    file: input.file,
    dryRun: input.dryRun,
    changes: withoutKeys(changes),
    notes: jurisdictions.notes,
  };
}

/** Units with a vote row that is new, changed or gone. */
function votesChangedUnits(
  votes: readonly Insertable<ResultVotesTable>[],
  existing: ReadonlyArray<{
    result_set_id: string;
    jurisdiction_id: string;
    candidate: string;
    line: string;
    party: string;
    votes: number;
  }>,
  voteKey: (v: { result_set_id: string; jurisdiction_id: string; candidate: string; line: string }) => string,
  unitKey: (u: { result_set_id: string; jurisdiction_id: string }) => string,
): string[] {
  const before = new Map(existing.map((v) => [voteKey(v), canonicalJson([v.party, v.votes])]));
  const after = new Map(votes.map((v) => [voteKey(v), canonicalJson([v.party, v.votes])]));
  const units = new Set<string>();
  for (const v of votes) if (before.get(voteKey(v)) !== after.get(voteKey(v))) units.add(unitKey(v));
  const fileUnits = new Set(votes.map(unitKey));
  for (const v of existing) if (fileUnits.has(unitKey(v)) && !after.has(voteKey(v))) units.add(unitKey(v));
  return [...units];
}

/**
 * Imports a coalition's districts (GeoJSON or TopoJSON) as its own jurisdictions with their shapes.
 * Same rules: validate all, import nothing on a problem, `dryRun` only counts.
 */
export async function importDistricts(
  db: Db,
  actor: Actor,
  input: ImportInput & { options: DistrictOptions },
): Promise<ImportReport> {
  requireRole(actor, staffRoles, 'import districts');
  const scope = actor.coalitionId;
  const problems = new Problems(input.file);
  const districts = parseDistricts(input.text, input.options, problems);
  const resolved = await resolveJurisdictions(
    db,
    scope,
    districts.map((d) => ({
      key: d.key,
      kind: d.kind,
      code: d.code,
      name: d.name,
      parent: d.parent,
      rows: [d.row],
      geometry: d.geometry,
    })),
    problems,
    { createOwnEvenIfReference: true },
  );
  problems.throwIfAny();
  if (!input.dryRun) {
    await upsertCatalog(db, { jurisdictions: resolved.rows, elections: [], races: [], resultSets: [] });
  }
  const rewound = districts.filter((d) => d.rewound).length;
  const notes = [...resolved.notes];
  if (rewound > 0) {
    notes.push(
      `${rewound} district(s) were wound counter-clockwise (RFC 7946): rings reversed for d3 and us-atlas`,
    );
  }
  return {
    file: input.file,
    dryRun: input.dryRun,
    changes: withoutKeys({ jurisdictions: resolved.changes }),
    notes,
  };
}

export type { ImportReport };
