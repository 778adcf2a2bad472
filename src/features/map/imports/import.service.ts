import { type Actor, requireRole, staffRoles } from '../../../core/actor.ts';
import type { Db } from '../../../db/database.ts';
import { insertUnits, insertVotes, upsertCatalog } from '../load.repository.ts';
import { type ChangeCounts, canonicalJson, countChanges, type ImportReport, withoutKeys } from './changes.ts';
import { type DistrictOptions, parseDistricts } from './districts-geo.ts';
import * as repo from './import.repository.ts';
import { Problems } from './problems.ts';
import { raceImportRows } from './race-import-rows.ts';
import { type ImportSource, type ParsedRaceCsv, parseRaceCsv } from './races-csv.ts';
import { resolveJurisdictions } from './resolve.ts';

export interface ImportInput {
  /** Shown in every problem: the file name (CLI) or "upload" (API). */
  file: string;
  text: ImportSource;
  dryRun: boolean;
}

/** A races file read and checked on its own, before any database work. */
export interface RaceFile {
  file: string;
  parsed: ParsedRaceCsv;
  problems: Problems;
}

/**
 * Reads a races CSV as it streams in (an upload, a file) and checks each row. Outside of any
 * transaction: a slow upload never holds the database. The role is checked before a byte is read.
 */
export async function readRaceFile(actor: Actor, file: string, source: ImportSource): Promise<RaceFile> {
  requireRole(actor, staffRoles, 'import races and results');
  const problems = new Problems(file);
  return { file, parsed: await parseRaceCsv(source, problems), problems };
}

/** Reads and applies a races file in one go (tests, small files): see `applyRaceFile`. */
export async function importRaces(db: Db, actor: Actor, input: ImportInput): Promise<ImportReport> {
  return applyRaceFile(db, actor, await readRaceFile(actor, input.file, input.text), input.dryRun);
}

/**
 * Imports a coalition's races and results (CSV). Everything is validated first; any problem
 * throws `import.invalid` listing them all, and nothing is written. With `dryRun` the counts of
 * new, changed, unchanged and removed rows are computed the same way and nothing is written. A
 * race's result lines in the file replace that race's lines in the database. The caller owns the
 * transaction, so a failure part-way writes nothing either.
 */
export async function applyRaceFile(
  db: Db,
  actor: Actor,
  { file, parsed, problems }: RaceFile,
  dryRun: boolean,
): Promise<ImportReport> {
  requireRole(actor, staffRoles, 'import races and results');
  const scope = actor.coalitionId;
  const jurisdictions = await resolveJurisdictions(db, scope, [...parsed.jurisdictions.values()], problems);
  problems.throwIfAny();

  const {
    elections,
    races: raceRows,
    resultSets,
    units,
    votes,
  } = raceImportRows(parsed, jurisdictions, scope);

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
  // A unit is replaced when its total or any of its lines differs: it then gets exactly the file's lines.
  const linesByUnit = (
    rows: ReadonlyArray<{
      result_set_id: string;
      jurisdiction_id: string;
      candidate: string;
      line: string;
      party: string;
      votes: number;
    }>,
  ) => {
    const grouped = new Map<string, string[]>();
    for (const v of rows) {
      const line = canonicalJson([v.candidate, v.line, v.party, v.votes]);
      const lines = grouped.get(unitKey(v));
      if (lines) lines.push(line);
      else grouped.set(unitKey(v), [line]);
    }
    return (unit: { result_set_id: string; jurisdiction_id: string }) =>
      (grouped.get(unitKey(unit)) ?? []).sort();
  };
  const fileLines = linesByUnit(votes);
  const storedLines = linesByUnit(existingVotes);
  const unitChanges = countChanges(
    units,
    existingUnits.filter((u) => fileUnits.has(unitKey(u))),
    unitKey,
    (u) => [u.total_votes ?? null, fileLines(u)],
    (u) => [u.total_votes, storedLines(u)],
  );
  if (!dryRun) {
    await upsertCatalog(db, { jurisdictions: jurisdictions.rows, elections, races: raceRows, resultSets });
    const replaced = new Set(unitChanges.keys);
    const replacedUnits = units.filter((u) => replaced.has(unitKey(u)));
    await repo.deleteOwnUnits(db, scope, replacedUnits);
    await insertUnits(db, replacedUnits);
    await insertVotes(
      db,
      votes.filter((v) => replaced.has(unitKey(v))),
    );
  }
  return {
    file,
    dryRun,
    changes: withoutKeys(changes),
    notes: jurisdictions.notes,
  };
}

/**
 * Imports a coalition's districts (GeoJSON or TopoJSON) as its own jurisdictions with their shapes.
 * Same rules: validate all, import nothing on a problem, `dryRun` only counts.
 */
export async function importDistricts(
  db: Db,
  actor: Actor,
  input: { file: string; dryRun: boolean; options: DistrictOptions } & ({ text: string } | { json: unknown }),
): Promise<ImportReport> {
  requireRole(actor, staffRoles, 'import districts');
  const scope = actor.coalitionId;
  const problems = new Problems(input.file);
  const districts = parseDistricts(input, input.options, problems);
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
