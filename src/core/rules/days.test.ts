import { describe, expect, it } from 'vitest';
import { describeDays } from './days.ts';

describe('describeDays', () => {
  it('says years, months and weeks where the count is whole, days otherwise', () => {
    expect(describeDays(1461)).toBe('4 years');
    expect(describeDays(730)).toBe('2 years');
    expect(describeDays(365)).toBe('1 year');
    expect(describeDays(90)).toBe('3 months');
    expect(describeDays(14)).toBe('2 weeks');
    expect(describeDays(1)).toBe('1 day');
    expect(describeDays(400)).toBe('400 days');
  });
});
