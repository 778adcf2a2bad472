import type { PactRaceView } from '../../api/pacts.ts';
import { foldText } from '../../components/fold-text.ts';
import { explainForPeople, type LockRecord } from './explanation-text.ts';
import { probabilityOf, type RaceOdds, type TierName } from './race-odds.ts';

type MemberRef = NonNullable<PactRaceView['assigned']>;

/** One race as the assignment table and the map show it. */
export interface AssignmentRow {
  key: string;
  name: string;
  member: MemberRef | null;
  /** The assigned member's win probability (null: open race, or no version yet). */
  probability: number | null;
  tier: TierName | null;
  lock: MemberRef | null;
  vetoes: MemberRef[];
  consents: number;
  objections: number;
  explanation: string | null;
  race: PactRaceView;
}

export function buildRows(
  races: readonly PactRaceView[],
  odds: ReadonlyMap<string, RaceOdds>,
  names: ReadonlyMap<string, string>,
  locks: ReadonlyMap<string, LockRecord> = new Map(),
): AssignmentRow[] {
  const raceNames = new Map(races.map((race) => [race.key, race.name]));
  return races.map((race) => {
    const raceOdds = odds.get(race.key);
    const current = race.consents.filter((c) => c.current);
    return {
      key: race.key,
      name: race.name,
      member: race.assigned,
      probability: probabilityOf(raceOdds, race.assigned?.key),
      tier: raceOdds?.tier ?? null,
      lock: race.lock,
      vetoes: race.vetoes,
      consents: current.filter((c) => c.stance === 'consent').length,
      objections: current.filter((c) => c.stance === 'object').length,
      explanation:
        race.explanation === null
          ? null
          : explainForPeople(race.explanation, {
              members: names,
              races: raceNames,
              raceName: race.name,
              lock: locks.get(race.key),
            }),
      race,
    };
  });
}

export const ruleFilters = {
  locked: 'Locked',
  vetoed: 'With a veto',
  objection: 'With a local objection',
  open: 'Left open',
} as const;
export type RuleFilter = keyof typeof ruleFilters;

export interface RowFilter {
  /** Race name or key, accents and case ignored. */
  text: string;
  /** A member's key; '' for every member. */
  member: string;
  rule: RuleFilter | '';
  tier: TierName | '';
}

const ruleTests: Record<RuleFilter, (row: AssignmentRow) => boolean> = {
  locked: (row) => row.lock !== null,
  vetoed: (row) => row.vetoes.length > 0,
  objection: (row) => row.objections > 0,
  open: (row) => row.member === null,
};

export function filterRows(rows: readonly AssignmentRow[], filter: RowFilter): AssignmentRow[] {
  const text = foldText(filter.text.trim());
  return rows.filter(
    (row) =>
      (!text || foldText(`${row.name} ${row.key}`).includes(text)) &&
      (!filter.member || row.member?.key === filter.member) &&
      (!filter.rule || ruleTests[filter.rule](row)) &&
      (!filter.tier || row.tier === filter.tier),
  );
}

export type RowSortKey = 'race' | 'member' | 'probability' | 'tier';
const tierOrder: Record<TierName, number> = { safe: 0, contested: 1, difficult: 2 };
const byCode = new Intl.Collator('en', { numeric: true });

/** Missing values (open races, no odds) sort last whichever way the column runs. */
function compareNullable<T>(a: T | null, b: T | null, compare: (x: T, y: T) => number, descending: boolean) {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return descending ? compare(b, a) : compare(a, b);
}

export function sortRows(
  rows: readonly AssignmentRow[],
  sort: { key: RowSortKey; descending: boolean },
): AssignmentRow[] {
  const { key, descending } = sort;
  const byRace = (a: AssignmentRow, b: AssignmentRow) => byCode.compare(a.key, b.key);
  const primary = (a: AssignmentRow, b: AssignmentRow): number => {
    switch (key) {
      case 'race':
        return descending ? byRace(b, a) : byRace(a, b);
      case 'member':
        return compareNullable(a.member?.name ?? null, b.member?.name ?? null, byCode.compare, descending);
      case 'probability':
        return compareNullable(a.probability, b.probability, (x, y) => x - y, descending);
      case 'tier':
        return compareNullable(a.tier, b.tier, (x, y) => tierOrder[x] - tierOrder[y], descending);
    }
  };
  return [...rows].sort((a, b) => primary(a, b) || byRace(a, b));
}
