import { type Bundle, jurisdictionKey } from './bundle.ts';
import { BundleBuilder } from './bundle-builder.ts';
import { type CsvRow, parseCount, readCsv } from './csv.ts';
import { addUnitLines, type LineVote } from './fusion.ts';
import { presidentialRace, presidentialResultSet, usGeneralElection } from './us-elections.ts';
import { usPartyGroup } from './us-parties.ts';
import { stateByUsps } from './us-states.ts';

const source = 'MEDSL';

interface StateRow {
  row: number;
  year: number;
  usps: string;
  line: LineVote;
  reportedTotal: number;
  unofficial: boolean;
}

/** MEDSL "U.S. President 1976–2020" (one row per candidate and ballot line). */
export function parseStatePresident1976(text: string, file: string): Bundle {
  const table = readCsv(text, {
    file,
    required: ['year', 'state_po', 'candidate', 'party_detailed', 'writein', 'candidatevotes', 'totalvotes'],
  });
  return buildStateSets(table.rows, 'candidatevotes');
}

/** MEDSL 2024 official state results (adds OVERVOTES/UNDERVOTES rows and an `unofficial` flag). */
export function parseStatePresident2024(text: string, file: string): Bundle {
  const table = readCsv(text, {
    file,
    required: [
      'year',
      'state_po',
      'candidate',
      'party_detailed',
      'writein',
      'votes',
      'totalvotes',
      'unofficial',
    ],
  });
  return buildStateSets(table.rows, 'votes');
}

function buildStateSets(rows: CsvRow[], votesColumn: string): Bundle {
  const b = new BundleBuilder();
  const units = new Map<string, StateRow[]>();
  for (const row of rows) {
    const parsed = stateRow(b, row, votesColumn);
    if (!parsed) continue;
    const key = `${parsed.year}|${parsed.usps}`;
    units.set(key, [...(units.get(key) ?? []), parsed]);
  }
  for (const unitRows of units.values()) {
    const [first] = unitRows;
    if (!first) continue;
    const state = stateByUsps(first.usps);
    if (!state) continue;
    const set = b.resultSet(presidentialResultSet(first.year, 'state', source));
    b.election(usGeneralElection(first.year));
    const race = b.race(presidentialRace(first.year, state.fips));
    const jurisdiction = jurisdictionKey('state', state.fips);
    const subject = `${first.year} ${state.usps}`;
    const { valid, invalid } = addUnitLines(
      b,
      { set, jurisdiction, subject },
      unitRows.map((r) => r.line),
    );
    b.unit({
      set,
      jurisdiction,
      race,
      totalVotes: valid,
      invalidVotes: invalid > 0 ? invalid : null,
      registered: null,
      publishedLean: null,
    });
    if (valid + invalid !== first.reportedTotal) {
      b.issue({
        code: 'president.total_differs',
        resolution: 'noted',
        subject,
        row: first.row,
        message: `candidate rows sum to ${valid + invalid} but totalvotes says ${first.reportedTotal}: shares use the candidate rows`,
      });
    }
    if (first.unofficial) {
      b.issue({
        code: 'president.unofficial',
        resolution: 'noted',
        subject,
        row: first.row,
        message: 'MEDSL marks this state\u2019s figures unofficial',
      });
    }
  }
  return b.build();
}

function stateRow(b: BundleBuilder, row: CsvRow, votesColumn: string): StateRow | null {
  const v = row.values;
  const year = Number(v.year);
  const votes = parseCount(v[votesColumn] ?? '');
  const reportedTotal = parseCount(v.totalvotes ?? '');
  const state = stateByUsps(v.state_po ?? '');
  if (!Number.isInteger(year) || votes === null || votes < 0 || reportedTotal === null || !state) {
    b.issue({
      code: 'president.invalid_row',
      resolution: 'unmapped',
      subject: `${v.year ?? '?'} ${v.state_po ?? '?'} ${v.candidate ?? ''}`,
      row: row.row,
      message: !state ? `unknown state "${v.state_po}"` : 'year or vote counts are not whole numbers',
    });
    return null;
  }
  const writein = v.writein === 'TRUE';
  const detailed = v.party_detailed ?? '';
  const line = detailed || (writein ? 'WRITE-IN' : '');
  return {
    row: row.row,
    year,
    usps: state.usps,
    reportedTotal,
    unofficial: v.unofficial === 'TRUE',
    line: {
      row: row.row,
      candidate: (v.candidate ?? '').replace(/\s+/g, ' '),
      line,
      lineParty: usPartyGroup(detailed, v.party_simplified),
      votes,
    },
  };
}
