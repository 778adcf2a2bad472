import type { Bundle, JurisdictionKey } from './bundle.ts';
import { jurisdictionKey } from './bundle.ts';
import { BundleBuilder } from './bundle-builder.ts';
import { parseDecimal, readCsv } from './csv.ts';
import { congressionalDistrict } from './districts.ts';
import { stateByName, stateByUsps } from './us-states.ts';

const byteOrderMark = '\uFEFF';

function leanSet(b: BundleBuilder, year: number, level: 'district' | 'state') {
  return b.resultSet({
    slug: `538-partisan-lean-${year}-${level}`,
    name: `FiveThirtyEight partisan lean ${year} by ${level}`,
    election: null,
    office: null,
    unitKind: level === 'district' ? 'congressional_district' : 'state',
    measure: 'lean',
  });
}

function noteBom(b: BundleBuilder, text: string, file: string): void {
  if (!text.startsWith(byteOrderMark)) return;
  b.issue({
    code: 'file.byte_order_mark',
    resolution: 'noted',
    subject: file,
    row: 1,
    message: 'the file starts with a UTF-8 byte-order mark: dropped, so the first column reads as named',
  });
}

function addLean(b: BundleBuilder, set: string, jurisdiction: JurisdictionKey, lean: number): void {
  b.unit({
    set,
    jurisdiction,
    race: null,
    totalVotes: null,
    invalidVotes: null,
    registered: null,
    publishedLean: lean,
  });
}

/**
 * 538's partisan lean by congressional district (`AL-1`, value in margin points, positive = more
 * Democratic than the nation). A state with a single row is an at-large state: its `-1` is `ST-AL`.
 */
export function parseLeanDistricts(text: string, file: string, year: number): Bundle {
  const column = String(year);
  const table = readCsv(text, { file, required: ['district', column] });
  const b = new BundleBuilder();
  noteBom(b, text, file);
  const set = leanSet(b, year, 'district');
  const seatsByState = new Map<string, number>();
  for (const row of table.rows) {
    const usps = (row.values.district ?? '').split('-')[0] ?? '';
    seatsByState.set(usps, (seatsByState.get(usps) ?? 0) + 1);
  }
  for (const row of table.rows) {
    const match = /^([A-Z]{2})-(\d+)$/.exec(row.values.district ?? '');
    const state = match?.[1] ? stateByUsps(match[1]) : undefined;
    const lean = parseDecimal(row.values[column] ?? '');
    if (!match?.[2] || !state || lean === null) {
      b.issue({
        code: 'lean.invalid_row',
        resolution: 'unmapped',
        subject: row.values.district ?? '(empty)',
        row: row.row,
        message: 'expected a district such as AL-1 and a numeric lean',
      });
      continue;
    }
    const atLarge = seatsByState.get(state.usps) === 1;
    if (atLarge) {
      b.issue({
        code: 'lean.at_large',
        resolution: 'mapped',
        subject: row.values.district ?? '',
        row: row.row,
        message: `${state.name} has one seat: 538's ${state.usps}-${match[2]} is ${state.usps}-AL`,
      });
    }
    const key = b.jurisdiction(congressionalDistrict(state, atLarge ? 'AL' : Number(match[2])));
    addLean(b, set, key, lean);
  }
  return b.build();
}

/** 538's partisan lean by state, keyed by full state name ("District of Columbia" included). */
export function parseLeanStates(text: string, file: string, year: number): Bundle {
  const column = String(year);
  const table = readCsv(text, { file, required: ['state', column] });
  const b = new BundleBuilder();
  noteBom(b, text, file);
  const set = leanSet(b, year, 'state');
  for (const row of table.rows) {
    const state = stateByName(row.values.state ?? '');
    const lean = parseDecimal(row.values[column] ?? '');
    if (!state || lean === null) {
      b.issue({
        code: 'lean.invalid_row',
        resolution: 'unmapped',
        subject: row.values.state ?? '(empty)',
        row: row.row,
        message: !state ? `unknown state name "${row.values.state}"` : 'the lean is not a number',
      });
      continue;
    }
    addLean(b, set, jurisdictionKey('state', state.fips), lean);
  }
  return b.build();
}
