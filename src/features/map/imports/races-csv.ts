import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { type JurisdictionKey, jurisdictionKey, parseJurisdictionKey } from '../datasets/bundle.ts';
import { isJurisdictionKind, type JurisdictionKind, raceStages } from '../kinds.ts';
import type { Problems } from './problems.ts';

/**
 * A coalition's races and results as CSV, one row per race or per candidate line:
 *
 *   election,election_date,office,jurisdiction_kind,jurisdiction_code[,election_name,stage,
 *   jurisdiction_name,parent,seats,filing_deadline,candidate,party,line,votes,total_votes]
 *
 * A row without party, candidate or votes only declares the race. Race columns repeat on every
 * line of the race and must agree. A jurisdiction is found among the coalition's own, then the
 * reference ones; `jurisdiction_name` creates it (and `parent` = `kind:code` places it) when
 * neither has it.
 */
export const raceCsvColumns = {
  required: ['election', 'election_date', 'office', 'jurisdiction_kind', 'jurisdiction_code'],
  optional: [
    'election_name',
    'stage',
    'jurisdiction_name',
    'parent',
    'seats',
    'filing_deadline',
    'candidate',
    'party',
    'line',
    'votes',
    'total_votes',
  ],
} as const;

export interface RaceCsvLine {
  row: number;
  candidate: string;
  party: string;
  line: string;
  votes: number;
}

export interface RaceCsvRace {
  row: number;
  election: string;
  office: string;
  stage: string;
  jurisdiction: JurisdictionKey;
  seats: number;
  filingDeadline: string | null;
  totalVotes: number | null;
  lines: RaceCsvLine[];
}

export interface RaceCsvJurisdiction {
  key: JurisdictionKey;
  kind: JurisdictionKind;
  code: string;
  name: string | null;
  parent: JurisdictionKey | null;
  /** Rows that name it, for error messages. */
  rows: number[];
}

export interface ParsedRaceCsv {
  elections: Map<string, { name: string; date: string; row: number }>;
  races: RaceCsvRace[];
  jurisdictions: Map<JurisdictionKey, RaceCsvJurisdiction>;
}

const slugPattern = /^[a-z0-9][a-z0-9-]{1,79}$/;
const officePattern = /^[a-z0-9][a-z0-9_]{1,59}$/;

function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

function wholeNumber(text: string): number | null {
  return /^\d{1,15}$/.test(text) ? Number(text) : null;
}

/** A whole file's text, or its bytes as they arrive (an upload, a file stream). */
export type ImportSource = string | AsyncIterable<string | Uint8Array>;

/**
 * Reads and checks every row as it streams in; all problems are collected (the caller throws them
 * together). Only the races found are kept, never the file's text or its array of records.
 */
export async function parseRaceCsv(source: ImportSource, problems: Problems): Promise<ParsedRaceCsv> {
  const result: ParsedRaceCsv = { elections: new Map(), races: [], jurisdictions: new Map() };
  let header: string[] = [];
  let headerOk = true;
  const parser = parse({
    bom: true,
    columns: (h: string[]) => {
      header = h.map((c) => c.trim());
      return header;
    },
    skip_empty_lines: true,
    trim: true,
  });
  const input = typeof source === 'string' ? Readable.from([source]) : Readable.from(source);
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  const races = new Map<string, RaceCsvRace>();
  let index = 0;
  try {
    for await (const values of parser as AsyncIterable<Record<string, string>>) {
      if (index === 0) headerOk = checkHeader(header, problems);
      if (headerOk) checkRow(values, index + 2, result, races, problems);
      index += 1;
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as { lines?: unknown }).lines;
    problems.add(typeof line === 'number' ? line : null, null, `not valid CSV: ${error.message}`);
    return result;
  } finally {
    input.destroy();
  }
  if (index === 0) {
    if (!checkHeader(header, problems)) return result;
    problems.add(2, null, 'the file has no rows');
  }
  if (!headerOk) return result;
  for (const race of races.values()) {
    const sum = race.lines.reduce((s, l) => s + l.votes, 0);
    if (race.totalVotes !== null && race.totalVotes < sum) {
      problems.add(
        race.row,
        'total_votes',
        `total_votes ${race.totalVotes} is below the sum of the lines (${sum})`,
      );
    }
  }
  result.races = [...races.values()];
  return result;
}

/** The header names every required column and no unknown one. */
function checkHeader(header: readonly string[], problems: Problems): boolean {
  const before = problems.count;
  for (const column of raceCsvColumns.required) {
    if (!header.includes(column)) problems.add(1, column, 'required column is missing');
  }
  const known = new Set<string>([...raceCsvColumns.required, ...raceCsvColumns.optional]);
  for (const column of header) if (!known.has(column)) problems.add(1, column, 'unknown column');
  return problems.count === before;
}

/** Checks one row and adds its election, jurisdiction, race and line to what the file holds. */
function checkRow(
  values: Record<string, string>,
  row: number,
  result: ParsedRaceCsv,
  races: Map<string, RaceCsvRace>,
  problems: Problems,
): void {
  const cell = (name: string) => values[name] ?? '';
  const rowProblems = problems.count;

  const election = cell('election');
  if (!slugPattern.test(election))
    problems.add(row, 'election', 'expected a slug: lowercase letters, digits and -');
  const date = cell('election_date');
  if (!isDate(date)) problems.add(row, 'election_date', 'expected a date YYYY-MM-DD');
  const office = cell('office');
  if (!officePattern.test(office))
    problems.add(row, 'office', 'expected lowercase letters, digits and _ (e.g. city_council)');
  const stage = cell('stage') || 'general';
  if (!(raceStages as readonly string[]).includes(stage)) {
    problems.add(row, 'stage', `expected one of ${raceStages.join(', ')}`);
  }
  const kind = cell('jurisdiction_kind');
  if (!isJurisdictionKind(kind)) problems.add(row, 'jurisdiction_kind', 'unknown jurisdiction kind');
  const code = cell('jurisdiction_code');
  if (!code || code.length > 40)
    problems.add(row, 'jurisdiction_code', 'expected a code of 1 to 40 characters');
  const parentText = cell('parent');
  const parent = parentText ? parseJurisdictionKey(parentText) : null;
  if (parentText && !parent) problems.add(row, 'parent', 'expected kind:code, e.g. state:06');
  const seats = cell('seats') ? wholeNumber(cell('seats')) : 1;
  if (seats === null || seats < 1) problems.add(row, 'seats', 'expected a whole number of at least 1');
  const deadline = cell('filing_deadline') || null;
  if (deadline && !isDate(deadline)) problems.add(row, 'filing_deadline', 'expected a date YYYY-MM-DD');
  else if (deadline && isDate(date) && deadline > date) {
    problems.add(row, 'filing_deadline', 'the filing deadline falls after the election');
  }
  const total = cell('total_votes') ? wholeNumber(cell('total_votes')) : null;
  if (cell('total_votes') && total === null) problems.add(row, 'total_votes', 'expected a whole number');
  const hasLine = Boolean(cell('party') || cell('candidate') || cell('votes'));
  const votes = cell('votes') ? wholeNumber(cell('votes')) : null;
  if (hasLine) {
    if (!cell('party')) problems.add(row, 'party', 'a result line needs a party');
    if (cell('party').length > 40) problems.add(row, 'party', 'at most 40 characters');
    if (votes === null) problems.add(row, 'votes', 'expected a whole number of votes');
    if (cell('candidate').length > 200) problems.add(row, 'candidate', 'at most 200 characters');
  }
  if (problems.count > rowProblems || !isJurisdictionKind(kind) || seats === null) return;

  const name = cell('election_name') || election;
  const known = result.elections.get(election);
  if (!known) result.elections.set(election, { name, date, row });
  else if (known.date !== date) {
    problems.add(row, 'election_date', `election ${election} has date ${known.date} on row ${known.row}`);
  }

  const key = jurisdictionKey(kind, code);
  const jurisdiction = result.jurisdictions.get(key);
  const jurisdictionName = cell('jurisdiction_name') || null;
  if (!jurisdiction) {
    result.jurisdictions.set(key, { key, kind, code, name: jurisdictionName, parent, rows: [row] });
  } else {
    jurisdiction.rows.push(row);
    jurisdiction.name ??= jurisdictionName;
    jurisdiction.parent ??= parent;
  }

  const raceId = `${election}|${office}|${key}|${stage}`;
  let race = races.get(raceId);
  if (!race) {
    race = {
      row,
      election,
      office,
      stage,
      jurisdiction: key,
      seats,
      filingDeadline: deadline,
      totalVotes: total,
      lines: [],
    };
    races.set(raceId, race);
  } else {
    if (race.seats !== seats)
      problems.add(row, 'seats', `this race has ${race.seats} seat(s) on row ${race.row}`);
    if (deadline && race.filingDeadline !== deadline) {
      problems.add(
        row,
        'filing_deadline',
        `this race has ${race.filingDeadline ?? 'no deadline'} on row ${race.row}`,
      );
    }
    if (total !== null && race.totalVotes !== null && race.totalVotes !== total) {
      problems.add(row, 'total_votes', `this race has ${race.totalVotes} on row ${race.row}`);
    }
    race.totalVotes ??= total;
  }
  if (hasLine && votes !== null) {
    const line = {
      row,
      candidate: cell('candidate'),
      party: cell('party'),
      line: cell('line') || cell('party'),
      votes,
    };
    if (race.lines.some((l) => l.candidate === line.candidate && l.line === line.line)) {
      problems.add(row, 'candidate', 'the same candidate and line appear twice in this race');
    } else {
      race.lines.push(line);
    }
  }
}
