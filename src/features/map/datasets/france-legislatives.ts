import { offices } from '../kinds.ts';
import { type Bundle, type JurisdictionKey, jurisdictionKey } from './bundle.ts';
import { BundleBuilder } from './bundle-builder.ts';
import { type CsvRow, parseCount, parseDecimal, readCsv } from './csv.ts';
import { departmentOfConstituency, franceDepartments } from './france-departments.ts';

export const franceElection = {
  slug: 'fr-2024-legislatives-t1',
  name: 'Élections législatives 2024 — premier tour',
  country: 'FR',
  date: '2024-06-30',
} as const;

const resultSetSlug = 'fr-legislatives-2024-t1-circonscription';

const outcomes: Record<string, string> = { OUI: 'elected', 'QUALIF T2': 'runoff', NON: 'lost' };

const ordinal = (n: number) => (n === 1 ? '1re' : `${n}e`);

/**
 * The ministry's round-1 results, one row per candidate (use the `.utf8.csv`: the original is
 * CP850). Percentages use a decimal comma ("28,8"); counts are plain integers. Constituency fields
 * repeat on every candidate row.
 */
export function parseFranceLegislatives(text: string, file: string): Bundle {
  const table = readCsv(text, {
    file,
    required: [
      'Departement',
      'CodCirElec',
      'Inscrits',
      'Blancs',
      'Nuls',
      'Exprimes',
      'NomPsn',
      'PrenomPsn',
      'CodNuaCand',
      'NbVoix',
      'RapportExprimes',
      'Elu',
    ],
  });
  const b = new BundleBuilder();
  if (text.includes('\uFFFD') || /Ã[©¨]/.test(text)) {
    b.issue({
      code: 'france.encoding',
      resolution: 'noted',
      subject: file,
      row: null,
      message: 'the text looks mis-decoded: read the UTF-8 copy, not the CP850 original',
    });
  }
  b.election(franceElection);
  b.resultSet({
    slug: resultSetSlug,
    name: 'French legislative elections 2024, round 1, by constituency (Ministère de l\u2019Intérieur)',
    election: franceElection.slug,
    office: offices.frAssemblee,
    unitKind: 'foreign_constituency',
    measure: 'votes',
  });
  const byConstituency = new Map<string, CsvRow[]>();
  for (const row of table.rows) {
    const code = row.values.CodCirElec ?? '';
    byConstituency.set(code, [...(byConstituency.get(code) ?? []), row]);
  }
  let overseas = 0;
  for (const [code, rows] of byConstituency) {
    if (code.length === 5) overseas += 1;
    addConstituency(b, code, rows);
  }
  b.issue({
    code: 'france.overseas_code',
    resolution: 'mapped',
    subject: `${overseas} constituencies`,
    row: null,
    message:
      '5-character codes (97101…98802): the department is the first 3 characters, not the Departement column (97/98)',
  });
  b.issue({
    code: 'france.special_codes',
    resolution: 'mapped',
    subject: 'ZX01, ZZ01–ZZ11',
    row: null,
    message:
      'ZX is Saint-Martin/Saint-Barthélemy and ZZ the French abroad: each is the parent of its constituencies',
  });
  return b.build();
}

function addConstituency(b: BundleBuilder, code: string, rows: CsvRow[]): void {
  const [first] = rows;
  if (!first) return;
  const department = departmentOfConstituency(code);
  const departmentName = department ? franceDepartments[department] : undefined;
  if (!department || !departmentName) {
    b.issue({
      code: 'france.unknown_constituency',
      resolution: 'unmapped',
      subject: code,
      row: first.row,
      message: `no department known for constituency code "${code}"`,
    });
    return;
  }
  const parent = b.jurisdiction({
    kind: 'department',
    code: department,
    name: departmentName,
    parent: jurisdictionKey('nation', 'FR'),
    country: 'FR',
    abbr: null,
  });
  const number = Number(code.slice(-2));
  const jurisdiction = b.jurisdiction({
    kind: 'foreign_constituency',
    code,
    name: `${departmentName}, ${ordinal(number)} circonscription`,
    parent,
    country: 'FR',
    abbr: null,
  });
  const race = b.race({
    election: franceElection.slug,
    office: offices.frAssemblee,
    jurisdiction,
    stage: 'first_round',
    name: `Assemblée nationale — ${code}`,
    seats: 1,
    filingDeadline: null,
  });
  const v = first.values;
  const valid = parseCount(v.Exprimes ?? '');
  const blank = parseCount(v.Blancs ?? '');
  const spoilt = parseCount(v.Nuls ?? '');
  const registered = parseCount(v.Inscrits ?? '');
  if (valid === null || blank === null || spoilt === null || registered === null) {
    b.issue({
      code: 'france.invalid_row',
      resolution: 'unmapped',
      subject: code,
      row: first.row,
      message: 'Exprimes, Blancs, Nuls or Inscrits is not a whole number',
    });
    return;
  }
  b.unit({
    set: resultSetSlug,
    jurisdiction,
    race,
    totalVotes: valid,
    invalidVotes: blank + spoilt,
    registered,
    publishedLean: null,
  });
  let sum = 0;
  for (const row of rows) sum += addCandidate(b, jurisdiction, code, row, valid);
  if (sum !== valid) {
    b.issue({
      code: 'france.sum_differs',
      resolution: 'noted',
      subject: code,
      row: first.row,
      message: `candidates' NbVoix sum to ${sum} but Exprimes is ${valid} (as published): shares use Exprimes`,
    });
  }
}

function addCandidate(
  b: BundleBuilder,
  jurisdiction: JurisdictionKey,
  code: string,
  row: CsvRow,
  valid: number,
): number {
  const v = row.values;
  const votes = parseCount(v.NbVoix ?? '');
  const share = parseDecimal(v.RapportExprimes ?? '');
  const nuance = v.CodNuaCand ?? '';
  const candidate = `${v.PrenomPsn ?? ''} ${v.NomPsn ?? ''}`.trim();
  if (votes === null || !nuance) {
    b.issue({
      code: 'france.invalid_row',
      resolution: 'unmapped',
      subject: `${code} ${candidate}`,
      row: row.row,
      message: 'NbVoix is not a whole number or CodNuaCand is empty',
    });
    return 0;
  }
  // RapportExprimes is rounded to 2 decimals with a decimal comma; a mismatch means a misread file.
  if (share === null || (valid > 0 && Math.abs((100 * votes) / valid - share) > 0.01)) {
    b.issue({
      code: 'france.share_mismatch',
      resolution: 'noted',
      subject: `${code} ${candidate}`,
      row: row.row,
      message: `RapportExprimes "${v.RapportExprimes}" does not match NbVoix/Exprimes`,
    });
  }
  b.vote(
    {
      set: resultSetSlug,
      jurisdiction,
      candidate,
      line: nuance,
      party: nuance,
      votes,
      outcome: outcomes[v.Elu ?? ''] ?? null,
    },
    row.row,
  );
  return votes;
}
