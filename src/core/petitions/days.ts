/** Calendar days as ISO strings (YYYY-MM-DD), counted in UTC so no time zone moves a deadline. */
const dayMs = 86_400_000;

export const toDayNumber = (day: string): number => {
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new RangeError(`not a day: ${day}`);
  return Math.round(ms / dayMs);
};
export const fromDayNumber = (n: number): string => new Date(n * dayMs).toISOString().slice(0, 10);
export const daysBetween = (from: string, to: string): number => toDayNumber(to) - toDayNumber(from);
export const addDays = (day: string, days: number): string => fromDayNumber(toDayNumber(day) + days);
