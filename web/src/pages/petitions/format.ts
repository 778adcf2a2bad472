export const whole = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : Math.round(n).toLocaleString('en-US');
export const percent = (x: number | null | undefined, digits = 1) =>
  x === null || x === undefined ? '—' : `${(x * 100).toFixed(digits)}%`;
export const outcomeWords = {
  qualifies: 'qualifies',
  full_count: 'full count',
  fails: 'fails',
  fails_raw_count: 'fails on the raw count',
} as const;
