import { offices } from '../kinds.ts';
import type { Bundle } from './bundle.ts';
import { BundleBuilder } from './bundle-builder.ts';
import { type CsvRow, parseCount, readCsv } from './csv.ts';
import { congressionalDistrict } from './districts.ts';
import { addUnitLines, type LineVote } from './fusion.ts';
import { usGeneralElection, usGeneralElectionSlug } from './us-elections.ts';
import { usPartyGroup } from './us-parties.ts';
import { stateByUsps, type UsState } from './us-states.ts';

/** How MEDSL's stage/special/runoff flags map to a race stage (and a result set per stage). */
function stageOf(v: Record<string, string>): 'general' | 'special' | 'runoff' | 'special_primary' {
  if (v.stage === 'PRI') return 'special_primary';
  if (v.special === 'TRUE') return 'special';
  if (v.runoff === 'TRUE') return 'runoff';
  return 'general';
}

interface HouseRow {
  state: UsState;
  year: number;
  district: number | 'AL';
  stage: ReturnType<typeof stageOf>;
  reportedTotal: number;
  line: LineVote;
}

/**
 * MEDSL "U.S. House 1976–2020": one row per candidate and ballot line. District `0` is an
 * at-large seat (`ST-AL`). Fusion candidates have one row per line (`fusion_ticket=TRUE`).
 * Florida writes unopposed candidates, who are not on the ballot, with -1 or 0 votes.
 */
export function parseHouseFile(text: string, file: string): Bundle {
  const table = readCsv(text, {
    file,
    required: ['year', 'state_po', 'district', 'stage', 'special', 'candidate', 'party', 'candidatevotes'],
  });
  const b = new BundleBuilder();
  const races = new Map<string, HouseRow[]>();
  for (const row of table.rows) {
    const parsed = houseRow(b, row);
    if (!parsed) continue;
    const key = `${parsed.year}|${parsed.state.usps}|${parsed.district}|${parsed.stage}`;
    races.set(key, [...(races.get(key) ?? []), parsed]);
  }
  for (const rows of races.values()) addRace(b, rows);
  const atLarge = table.rows.filter((row) => row.values.district === '0').length;
  b.issue({
    code: 'house.at_large',
    resolution: 'mapped',
    subject: `${atLarge} rows`,
    row: null,
    message: 'district 0 marks an at-large seat: coded ST-AL, like 538\u2019s ST-1 in single-seat states',
  });
  return b.build();
}

function addRace(b: BundleBuilder, rows: HouseRow[]): void {
  const [first] = rows;
  if (!first) return;
  const { year, state, district, stage } = first;
  const jurisdiction = b.jurisdiction(congressionalDistrict(state, district));
  const code = jurisdiction.slice(jurisdiction.indexOf(':') + 1);
  b.election(usGeneralElection(year));
  const set = b.resultSet({
    slug: `us-house-${year}-district${stage === 'general' ? '' : `-${stage.replace('_', '-')}`}`,
    name: `US House ${year}${stage === 'general' ? '' : ` (${stage.replace('_', ' ')})`} by district (MEDSL)`,
    election: usGeneralElectionSlug(year),
    office: offices.usHouse,
    unitKind: 'congressional_district',
    measure: 'votes',
  });
  const race = b.race({
    election: usGeneralElectionSlug(year),
    office: offices.usHouse,
    jurisdiction,
    stage,
    name: `US House — ${code}${stage === 'general' ? '' : ` (${stage.replace('_', ' ')})`}`,
    seats: 1,
    filingDeadline: null,
  });
  const subject = `${year} ${code}${stage === 'general' ? '' : ` ${stage}`}`;
  const counted = rows.filter((r) => r.line.votes > 0);
  for (const r of rows.filter((r) => r.line.votes <= 0)) {
    b.issue({
      code: 'house.no_count',
      resolution: 'noted',
      subject: `${subject} ${r.line.candidate}`,
      row: r.line.row,
      message: `${r.line.candidate} has ${r.line.votes} votes: the state publishes no count for an unopposed candidate`,
    });
  }
  const { valid, invalid } = addUnitLines(
    b,
    { set, jurisdiction, subject },
    counted.map((r) => r.line),
  );
  b.unit({
    set,
    jurisdiction,
    race,
    totalVotes: valid > 0 ? valid : null,
    invalidVotes: invalid > 0 ? invalid : null,
    registered: null,
    publishedLean: null,
  });
  if (valid > 0 && valid + invalid !== first.reportedTotal) {
    b.issue({
      code: 'house.total_differs',
      resolution: 'noted',
      subject,
      row: first.line.row,
      message: `candidate rows sum to ${valid + invalid} but totalvotes says ${first.reportedTotal}: shares use the candidate rows`,
    });
  }
}

function houseRow(b: BundleBuilder, row: CsvRow): HouseRow | null {
  const v = row.values;
  const year = Number(v.year);
  const state = stateByUsps(v.state_po ?? '');
  const districtNumber = /^\d+$/.test(v.district ?? '') ? Number(v.district) : null;
  const votes = parseCount(v.candidatevotes ?? '');
  if (!state || !Number.isInteger(year) || districtNumber === null || votes === null) {
    b.issue({
      code: 'house.invalid_row',
      resolution: 'unmapped',
      subject: `${v.year ?? '?'} ${v.state_po ?? '?'}-${v.district ?? '?'}`,
      row: row.row,
      message: !state ? `unknown state "${v.state_po}"` : 'year, district or votes is not a whole number',
    });
    return null;
  }
  const writein = v.writein === 'TRUE';
  const label = v.party ?? '';
  return {
    state,
    year,
    district: districtNumber === 0 ? 'AL' : districtNumber,
    stage: stageOf(v),
    reportedTotal: parseCount(v.totalvotes ?? '') ?? 0,
    line: {
      row: row.row,
      candidate: (v.candidate ?? '').replace(/\s+/g, ' '),
      line: label || (writein ? 'WRITE-IN' : ''),
      lineParty: usPartyGroup(label),
      votes,
    },
  };
}
