import { describe, expect, it } from 'vitest';
import { officeWords } from './office-words.ts';

describe('officeWords', () => {
  it('words the usual offices and turns any other code into words', () => {
    expect(officeWords('state_house')).toBe('State House');
    expect(officeWords('us_house')).toBe('US House');
    expect(officeWords('county_commission')).toBe('County commission');
    expect(officeWords('Mayor')).toBe('Mayor');
  });
});
