import type { PublishedTabulation } from './tabulation.schema.ts';

const methodTitles: Record<PublishedTabulation['method'], string> = {
  plurality: 'Plurality',
  approval: 'Approval',
  irv: 'Instant runoff (IRV)',
  stv: 'STV, Scottish rules (WIGM)',
  meek: 'STV, Meek',
  schulze: 'Schulze (winning votes)',
  'bottoms-up': 'Bottoms-up IRV',
};

type Table = string[][];

function renderTable(rows: Table): string {
  const widths = (rows[0] ?? []).map((_, column) =>
    Math.max(...rows.map((row) => (row[column] ?? '').length)),
  );
  return rows
    .map((row) =>
      row
        .map((cell, column) =>
          column === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[column] ?? 0),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** Rounds as columns, candidates as rows (best first); `*` elected, `x` eliminated in that round. */
function roundTable(result: PublishedTabulation): string {
  const header = [
    '',
    ...result.rounds.map((round) =>
      round.pass === undefined ? `Round ${round.round}` : `R${round.round} (seat ${round.pass})`,
    ),
  ];
  const rows: Table = [header];
  for (const candidate of result.ranking) {
    rows.push([
      candidate,
      ...result.rounds.map((round) => {
        const tally = round.tallies[candidate];
        if (tally === undefined) return '';
        const mark = round.elected.includes(candidate)
          ? ' *'
          : round.eliminated.includes(candidate)
            ? ' x'
            : '  ';
        return `${tally}${mark}`;
      }),
    ]);
  }
  rows.push(['Exhausted', ...result.rounds.map((round) => `${round.exhausted}  `)]);
  if (result.rounds.some((round) => round.lost !== undefined)) {
    rows.push(['Lost to rounding', ...result.rounds.map((round) => `${round.lost ?? ''}  `)]);
  }
  if (result.rounds.some((round) => round.quota !== undefined)) {
    rows.push(['Quota', ...result.rounds.map((round) => `${round.quota ?? ''}  `)]);
  }
  return renderTable(rows);
}

function pairTable(
  title: string,
  names: readonly string[],
  cells: Record<string, Record<string, number>>,
): string {
  const rows: Table = [[title, ...names]];
  for (const x of names) rows.push([x, ...names.map((y) => (x === y ? '—' : String(cells[x]?.[y] ?? '')))]);
  return renderTable(rows);
}

/** The human-readable report of `concord tabulate` (without --json). */
export function formatTabulation(result: PublishedTabulation): string {
  const seats = `${result.seats} seat${result.seats === 1 ? '' : 's'}`;
  const lines = [
    `${methodTitles[result.method]}: ${seats}, ${result.candidates.length} candidates, ` +
      `${result.ballots.read} ballots (counted in ${result.ballots.groups} groups), total weight ${result.totalWeight}`,
    '',
  ];
  if (result.rounds.length > 0) lines.push(roundTable(result), '');
  if (result.pairwise !== undefined && result.strongestPaths !== undefined) {
    lines.push(pairTable('x over y', result.ranking, result.pairwise), '');
    lines.push(pairTable('Strongest path', result.ranking, result.strongestPaths), '');
  }
  if (result.quota !== undefined) lines.push(`Quota: ${result.quota}`);
  lines.push(`Winner${result.winners.length === 1 ? '' : 's'}: ${result.winners.join(', ') || '(none)'}`);
  lines.push(`Ranking: ${result.ranking.join(' > ')}`);
  if (result.method !== 'approval') lines.push(`Condorcet winner: ${result.condorcetWinner ?? '(none)'}`);
  for (const tie of result.tiebreaks) {
    lines.push(
      `Tiebreak, round ${tie.round} (${tie.purpose}): ${tie.tied.join(', ')} → ${tie.chosen ?? 'not broken'} [${tie.rule}: ${tie.detail}]`,
    );
  }
  if (result.outcome.kind === 'tie') {
    lines.push(
      `Count stopped in round ${result.outcome.round}: unbroken tie between ${result.outcome.tied.join(', ')}.`,
    );
  }
  return `${lines.join('\n')}\n`;
}
