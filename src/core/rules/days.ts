/**
 * A count of days as people say it: 1461 → "4 years" (four years with a leap day), 730 → "2
 * years", 90 → "3 months", 14 → "2 weeks"; any other count stays in days.
 */
export function describeDays(days: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (days >= 365) {
    if (days % 365 === 0) return plural(days / 365, 'year');
    const years = days / 365.25;
    if (Math.abs(years - Math.round(years)) < 0.01) return plural(Math.round(years), 'year');
  }
  if (days >= 30 && days % 30 === 0) return plural(days / 30, 'month');
  if (days >= 7 && days % 7 === 0) return plural(days / 7, 'week');
  return plural(days, 'day');
}
