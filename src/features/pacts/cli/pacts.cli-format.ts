import type { Comparison, PactSummary, PactView, RunView, VersionSummary } from '../pacts.schema.ts';
import { table } from './allocate.format.ts';

/** Plain-text output of `concord pact …` (every command also takes --json). */

const fixed = (value: number, digits = 2) => value.toFixed(digits);
const signed = (value: number) => `${value >= 0 ? '+' : ''}${fixed(value)}`;
const yes = (flag: boolean) => (flag ? 'yes' : 'NO');

export function formatVersionLine(v: VersionSummary): string {
  const gap = v.gapToExact === null ? '' : `, gap ${v.gapToExact.toExponential(1)}`;
  return `v${v.number} ${v.kind}/${v.mode}: ${fixed(v.expectedWins)} expected wins (no pact ${fixed(v.noPactWins)}), entitlement ±1 ${yes(v.entitlementWithinOne)}, WEF1 ${yes(v.wef1)}${gap}${v.note ? ` — ${v.note}` : ''}`;
}

export function formatPactList(pacts: readonly PactSummary[]): string {
  if (pacts.length === 0) return 'no pacts yet\n';
  const rows = pacts.map((p) => [
    p.id,
    p.status,
    p.kind,
    String(p.raceCount),
    p.latestVersion ? `v${p.latestVersion.number}` : '-',
    p.name,
  ]);
  return `${table(['id', 'status', 'kind', 'races', 'latest', 'name'], rows, [3]).join('\n')}\n`;
}

export function formatPact(view: PactView): string {
  const lines = [
    `${view.name} [${view.kind}, ${view.status}${view.ratifiedVersion ? ` at v${view.ratifiedVersion}` : ''}] ${view.id}`,
    ...view.source.warnings.map((warning) => `warning: ${warning}`),
    '',
    ...table(
      ['member', 'key', 'weight', 'position', 'parties'],
      view.members.map((m) => [
        m.name,
        m.key,
        `${m.weight}${m.weightSource.kind === 'override' ? ' (set)' : ''}`,
        m.position === null ? '-' : String(m.position),
        m.parties.join(','),
      ]),
      [2, 3],
    ),
    '',
    view.latestVersion
      ? `${formatVersionLine(view.latestVersion)}${view.stale ? ' (stale: the pact changed since; rerun)' : ''}`
      : 'no version yet: run the pact',
    view.ratification
      ? `ratification: decision ${view.ratification.decisionId} on v${view.ratification.version}, ${view.ratification.phase}${view.ratification.outcome ? `, ${view.ratification.outcome}` : ''}`
      : '',
    `consent: ${view.consent.consents} consent(s), ${view.consent.objections} objection(s)${view.consent.outdated ? `, ${view.consent.outdated} outdated` : ''}`,
    '',
    ...table(
      ['race', 'name', 'member', 'lock', 'vetoes', 'consent'],
      view.races.map((r) => [
        r.key,
        r.name,
        r.assigned?.name ?? '-',
        r.lock?.key ?? '',
        r.vetoes.map((v) => v.key).join(','),
        r.consents
          .map((c) => `${c.stance === 'object' ? '✗' : '✓'}${c.current ? '' : '?'} ${c.organization.name}`)
          .join('; '),
      ]),
    ),
  ];
  return `${lines.filter((line, i, all) => line !== '' || all[i - 1] !== '').join('\n')}\n`;
}

export function formatRun(run: RunView): string {
  const head = `run ${run.id} (${run.mode}): ${run.status}`;
  if (run.status === 'succeeded' && run.version) return `${head}\n${formatVersionLine(run.version)}\n`;
  if (run.error) return `${head}: ${run.error.message} [${run.error.code}]\n`;
  return `${head}, ${run.phase} ${run.percent}%\n`;
}

export function formatComparison(c: Comparison): string {
  const lines = [
    `v${c.from.number} → v${c.to.number}: expected wins ${fixed(c.coalition.expectedWins.from)} → ${fixed(c.coalition.expectedWins.to)} (${signed(c.coalition.expectedWins.delta)})`,
    `entitlement ±1 ${yes(c.fairness.from.entitlementWithinOne)} → ${yes(c.fairness.to.entitlementWithinOne)}, WEF1 ${yes(c.fairness.from.wef1)} → ${yes(c.fairness.to.wef1)}`,
    '',
    ...table(
      ['member', 'races', 'Δ', 'expected wins', 'Δ', 'gained', 'lost'],
      c.members.map((m) => [
        m.name,
        `${m.races.from} → ${m.races.to}`,
        String(m.races.delta),
        `${fixed(m.expectedWins.from)} → ${fixed(m.expectedWins.to)}`,
        signed(m.expectedWins.delta),
        m.gained.join(','),
        m.lost.join(','),
      ]),
      [2, 4],
    ),
    '',
    c.moved.length === 0 ? 'no race moved' : `${c.moved.length} race(s) moved:`,
    ...c.moved.map((m) => `  ${m.race} ${m.name}: ${m.from?.name ?? 'open'} → ${m.to?.name ?? 'open'}`),
  ];
  return `${lines.join('\n')}\n`;
}
