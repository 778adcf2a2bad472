import type { PactStatus, PactView } from '../../api/pacts.ts';

export const pactStatusLabels: Record<PactStatus, string> = {
  draft: 'Draft',
  in_ratification: 'Sent to ratification',
  ratified: 'Ratified',
};

export const pactStatusTone = { draft: 'neutral', in_ratification: 'warn', ratified: 'ok' } as const;

/** The shipped offices in words; a coalition's own offices show as written. */
const officeLabels: Record<string, string> = {
  us_house: 'US House',
  us_president: 'presidential',
  fr_assemblee_nationale: 'National Assembly',
};

/** "14 House races of US 2020 general in Michigan", "83 county zones of Michigan". */
export function sourceLabel(pact: Pick<PactView, 'source' | 'raceCount'>): string {
  const { source, raceCount } = pact;
  if (source.kind === 'zones') {
    return `${raceCount} ${source.zoneKind.replace(/_/g, ' ')} zones of ${source.parent.name}, valued by ${source.resultSet.name}`;
  }
  const within = source.within.length > 0 ? ` in ${source.within.map((w) => w.name).join(', ')}` : '';
  const office = source.office ? ` ${officeLabels[source.office] ?? source.office.replace(/_/g, ' ')}` : '';
  const past = source.resultsFrom ? `, past votes from ${source.resultsFrom.name}` : '';
  return `${raceCount}${office} races of ${source.election.name}${within}${past}`;
}
