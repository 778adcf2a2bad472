import type { IssueSpec, Resolution } from './datasets/bundle.ts';
import { compareCountyToState, type StateComparison } from './datasets/consistency.ts';
import type { PreparedDataset } from './datasets/dataset-files.ts';

/** Differences above this fraction between county sums and state totals are reported. */
export const stateTotalTolerance = 0.01;

export interface IssueGroup {
  resolution: Resolution;
  code: string;
  count: number;
  /** Every subject for unmapped issues (what did not join), a few examples otherwise. */
  subjects: string[];
  example: string;
}

export interface DatasetCheck {
  id: string;
  title: string;
  issues: number;
  groups: IssueGroup[];
}

export interface TotalsCheck {
  year: number;
  countySet: string;
  stateSet: string;
  states: number;
  outside: StateComparison[];
  largest: StateComparison | null;
}

export interface CheckReport {
  datasets: DatasetCheck[];
  totals: TotalsCheck[];
}

const resolutionOrder: Resolution[] = [
  'unmapped',
  'kept_separate',
  'rolled_up',
  'mapped',
  'excluded',
  'noted',
];

export function groupIssues(issues: readonly IssueSpec[]): IssueGroup[] {
  const groups = new Map<string, IssueGroup>();
  for (const issue of issues) {
    const key = `${issue.resolution}|${issue.code}`;
    const group = groups.get(key) ?? {
      resolution: issue.resolution,
      code: issue.code,
      count: 0,
      subjects: [],
      example: issue.message,
    };
    group.count += 1;
    if (issue.resolution === 'unmapped' || group.subjects.length < 5) group.subjects.push(issue.subject);
    groups.set(key, group);
  }
  return [...groups.values()].sort(
    (a, b) =>
      resolutionOrder.indexOf(a.resolution) - resolutionOrder.indexOf(b.resolution) || b.count - a.count,
  );
}

/** Which county set is checked against which state set (every presidential year with both). */
const totalsPairs = [
  { year: 2024, county: 'us-president-2024-county', state: 'us-president-2024-state' },
  { year: 2020, county: 'us-president-2020-county', state: 'us-president-1976-2020-state' },
  { year: 2016, county: 'us-president-2016-county', state: 'us-president-1976-2020-state' },
  { year: 2012, county: 'us-president-2008-2012-county', state: 'us-president-1976-2020-state' },
  { year: 2008, county: 'us-president-2008-2012-county', state: 'us-president-1976-2020-state' },
] as const;

/**
 * What `concord data check` reports: each dataset's issues grouped by resolution and code (every
 * subject that did not join), and county sums against state totals for every presidential year.
 */
export function checkDatasets(prepared: readonly PreparedDataset[]): CheckReport {
  const byId = new Map(prepared.map((p) => [p.definition.id, p]));
  const datasets = prepared.map((p) => {
    const issues = p.bundle().issues;
    return {
      id: p.definition.id,
      title: p.definition.title,
      issues: issues.length,
      groups: groupIssues(issues),
    };
  });
  const totals: TotalsCheck[] = [];
  for (const pair of totalsPairs) {
    const county = byId.get(pair.county);
    const state = byId.get(pair.state);
    if (!county || !state) continue;
    const countySet = `us-president-${pair.year}-county`;
    const stateSet = `us-president-${pair.year}-state`;
    const states = compareCountyToState(county.bundle(), countySet, state.bundle(), stateSet);
    const worst = (s: StateComparison) => Math.max(s.demDiff, s.repDiff);
    totals.push({
      year: pair.year,
      countySet,
      stateSet,
      states: states.length,
      outside: states.filter((s) => worst(s) > stateTotalTolerance),
      largest: states.reduce<StateComparison | null>((a, s) => (!a || worst(s) > worst(a) ? s : a), null),
    });
  }
  return { datasets, totals };
}

const percent = (fraction: number) => `${(fraction * 100).toFixed(2)}%`;

/** The report as text for the terminal. */
export function formatCheckReport(report: CheckReport, options: { verbose?: boolean } = {}): string {
  const lines: string[] = [];
  for (const dataset of report.datasets) {
    lines.push(`${dataset.id} — ${dataset.title}: ${dataset.issues} issue(s)`);
    for (const group of dataset.groups) {
      const shown =
        options.verbose || group.resolution === 'unmapped' ? group.subjects : group.subjects.slice(0, 3);
      const more = group.count > shown.length ? ` … (+${group.count - shown.length})` : '';
      lines.push(
        `  ${group.resolution.padEnd(13)} ${group.code.padEnd(34)} ${String(group.count).padStart(5)}  ${shown.join(', ')}${more}`,
      );
      if (options.verbose) lines.push(`${' '.repeat(16)}e.g. ${group.example}`);
    }
  }
  if (report.totals.length > 0) {
    lines.push('', `county sums vs state totals (tolerance ${percent(stateTotalTolerance)}):`);
    for (const check of report.totals) {
      const largest = check.largest
        ? `largest difference ${check.largest.state} ${percent(Math.max(check.largest.demDiff, check.largest.repDiff))}`
        : '';
      const verdict =
        check.outside.length === 0
          ? `all ${check.states} states within tolerance`
          : `${check.outside.length} of ${check.states} states outside: ${check.outside.map((s) => `${s.state} (D ${percent(s.demDiff)}, R ${percent(s.repDiff)})`).join(', ')}`;
      lines.push(`  ${check.year}  ${check.countySet} vs ${check.stateSet}: ${verdict}; ${largest}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
