import type { AllocationReport } from '../../../core/allocate/index.ts';

/** Numbers in JSON output: six decimals are far below the model's accuracy and keep files readable. */
export function roundReport(report: AllocationReport): AllocationReport {
  // The gap stays whole: the heuristic is often within 1e-6 of the optimum, and that is the news.
  return JSON.parse(
    JSON.stringify(report, (key, value) =>
      typeof value === 'number' && key !== 'gapToExact' ? round(value, 6) : value,
    ),
  );
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
const fixed = (value: number, digits = 2) => value.toFixed(digits);

/** Columns left-aligned, except numeric ones (named in `numeric`), which align right. */
export function table(header: string[], rows: string[][], numeric: readonly number[] = []): string[] {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (row: string[]) =>
    row
      .map((cell, column) =>
        numeric.includes(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
}

/** The human-readable report: members, totals, fairness, then one line per race. */
export function formatReport(report: AllocationReport): string {
  const { solver, fairness, expectedWins } = report;
  const members = Object.entries(report.members);
  const races = Object.entries(report.assignments);
  const open = races.filter(([, member]) => member === null).length;
  const basis = solver.apportionBy === 'races' ? 'races' : 'expected wins';
  const yes = (flag: boolean) => (flag ? 'yes' : 'NO');
  const lines = [
    `Pact: ${races.length} races, ${members.length} members, ${open} left open; ${solver.apportionment} apportionment of ${basis}.`,
    '',
    ...table(
      ['member', 'weight', 'entitlement', 'apportioned', 'races', 'expected wins'],
      members.map(([id, m]) => [
        id,
        String(m.weight),
        fixed(m.entitlement),
        String(m.apportioned),
        String(m.seats),
        fixed(m.expectedWins),
      ]),
      [1, 2, 3, 4, 5],
    ),
    '',
    `Expected wins: ${fixed(expectedWins.pact)} with the pact, ${fixed(expectedWins.noPact)} without (${signed(expectedWins.pact - expectedWins.noPact)}).`,
    `Entitlement within ±1: ${yes(fairness.entitlementWithinOne)}${list(fairness.entitlementViolations)}.`,
    `WEF1: ${yes(fairness.wef1)}${list(fairness.wef1Violations.map((pair) => `${pair.envious} envies ${pair.envied}`))}.`,
    `Solver: ${solver.mode}, objective ${fixed(solver.objective, 3)}${gap(solver)}.`,
    '',
    ...table(
      ['race', 'member', 'explanation'],
      races.map(([race, member]) => [race, member ?? '(open)', report.explanations[race] ?? '']),
    ),
  ];
  return `${lines.join('\n')}\n`;
}

const signed = (value: number) => `${value >= 0 ? '+' : ''}${fixed(value)}`;
const list = (items: string[]) => (items.length > 0 ? ` (${items.join(', ')})` : '');

function gap(solver: AllocationReport['solver']): string {
  if (solver.gapToExact === null) return '';
  return `; heuristic ${fixed(solver.heuristicObjective, 3)}, gap to exact ${(100 * solver.gapToExact).toFixed(2)} %`;
}
