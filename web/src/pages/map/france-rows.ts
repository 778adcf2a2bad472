import type { RaceVotesView } from '../../api/map.ts';
import { foldText } from '../../components/fold-text.ts';

export interface Candidate {
  name: string;
  nuance: string;
  votes: number;
  /** Fraction of the valid votes. */
  share: number | null;
  outcome: 'elected' | 'runoff' | 'lost' | null;
}

export interface ConstituencyRow {
  id: string;
  code: string;
  name: string;
  registered: number | null;
  valid: number | null;
  /** Ballots cast (valid, blank and void) over registered voters. */
  turnout: number | null;
  votesByNuance: Record<string, number>;
  /** Most votes first. */
  candidates: Candidate[];
  elected: Candidate | null;
  qualified: Candidate[];
}

const outcomes = new Set(['elected', 'runoff', 'lost']);

/** One row per constituency from the election's race votes (`GET …/race-votes`). */
export function constituencyRows(races: readonly RaceVotesView[]): ConstituencyRow[] {
  return races.map((race) => {
    const valid = race.totalVotes;
    const candidates = race.lines
      .map(
        (line): Candidate => ({
          name: line.candidate,
          nuance: line.party,
          votes: line.votes,
          share: valid ? line.votes / valid : null,
          outcome: line.outcome && outcomes.has(line.outcome) ? (line.outcome as Candidate['outcome']) : null,
        }),
      )
      .sort((a, b) => b.votes - a.votes);
    const cast = valid === null ? null : valid + (race.invalidVotes ?? 0);
    return {
      id: race.race.id,
      code: race.race.jurisdiction.code,
      name: race.race.jurisdiction.name,
      registered: race.registered,
      valid,
      turnout: cast !== null && race.registered ? cast / race.registered : null,
      votesByNuance: race.votesByParty,
      candidates,
      elected: candidates.find((c) => c.outcome === 'elected') ?? null,
      qualified: candidates.filter((c) => c.outcome === 'runoff'),
    };
  });
}

/** The nuances with the most votes nationally: the ones that get a column. */
export function leadingNuances(rows: readonly ConstituencyRow[], count: number): string[] {
  const totals = new Map<string, number>();
  for (const row of rows) {
    for (const [nuance, votes] of Object.entries(row.votesByNuance)) {
      totals.set(nuance, (totals.get(nuance) ?? 0) + votes);
    }
  }
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([nuance]) => nuance);
}

export type FranceSortKey = 'constituency' | 'valid' | 'turnout' | 'outcome' | `nuance:${string}`;

/** A nuance's share of the constituency's valid votes (0 where it stood no candidate). */
export const nuanceShare = (row: ConstituencyRow, nuance: string) =>
  row.valid ? (row.votesByNuance[nuance] ?? 0) / row.valid : 0;

/** Elected in the first round first, then by how many go to the runoff (a duel before a triangle). */
const outcomeRank = (row: ConstituencyRow) => (row.elected ? 0 : row.qualified.length || 9);

function sortValue(row: ConstituencyRow, key: FranceSortKey): number | string {
  if (key === 'constituency') return row.code;
  if (key === 'valid') return row.valid ?? -1;
  if (key === 'turnout') return row.turnout ?? -1;
  if (key === 'outcome') return outcomeRank(row);
  return nuanceShare(row, key.slice('nuance:'.length));
}

/** Sorted by one column, ties by constituency code, so the order never depends on the input's. */
export function sortRows(
  rows: readonly ConstituencyRow[],
  sort: { key: FranceSortKey; descending: boolean },
): ConstituencyRow[] {
  const sign = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, sort.key);
    const y = sortValue(b, sort.key);
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return sign * order || a.code.localeCompare(b.code);
  });
}

/** Whether a row matches a search: constituency name or code, a candidate's name, or a nuance. */
export function rowMatches(row: ConstituencyRow, query: string): boolean {
  const q = foldText(query.trim());
  if (!q) return true;
  return (
    foldText(row.name).includes(q) ||
    row.code.toLowerCase() === q ||
    row.candidates.some((c) => foldText(c.name).includes(q) || c.nuance.toLowerCase() === q)
  );
}
