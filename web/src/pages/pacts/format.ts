const decimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 0 });

/** Expected wins and entitlements: two decimals, as the engine's explanations write them. */
export const formatWins = (n: number) => decimal.format(n);

/** A win probability as a percentage; below 1 % and above 99 % say so rather than round to 0 or 100. */
export function formatProbability(p: number | null): string {
  if (p === null) return '—';
  if (p > 0 && p < 0.01) return '<1%';
  if (p < 1 && p > 0.99) return '>99%';
  return percent.format(p);
}

/** A change with its sign: "+1", "−0.25", "0". */
export function formatDelta(n: number, digits = 2): string {
  const rounded = Number(n.toFixed(digits));
  if (rounded === 0) return '0';
  const text = Math.abs(rounded).toFixed(Number.isInteger(rounded) ? 0 : digits);
  return rounded > 0 ? `+${text}` : `−${text}`;
}
