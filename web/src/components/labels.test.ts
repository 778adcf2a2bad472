import { describe, expect, it } from 'vitest';
import { closedLabel, formatExact, officeLabel, permille, positionLabel, timeLeft } from './labels.ts';

describe('labels', () => {
  it('says how long a decision stays open, down to the minute', () => {
    const now = Date.parse('2026-11-23T12:00:00Z');
    expect(timeLeft('2026-11-26T16:30:00Z', now)).toBe('3 days 4 h left');
    expect(timeLeft('2026-11-24T12:00:00Z', now)).toBe('1 day 0 h left');
    expect(timeLeft('2026-11-23T14:05:00Z', now)).toBe('2 h 5 min left');
    expect(timeLeft('2026-11-23T12:00:59Z', now)).toBe('0 min left');
    expect(timeLeft('2026-11-23T12:00:00Z', now)).toBe('Window passed');
  });

  it('puts a position in words on both sides of the centre band', () => {
    expect(positionLabel(null)).toBe('Not declared');
    expect(positionLabel(-0.6)).toBe('-0.60 (left)');
    expect(positionLabel(-0.2)).toBe('-0.20 (centre)');
    expect(positionLabel(0)).toBe('0.00 (centre)');
    expect(positionLabel(0.25)).toBe('+0.25 (right)');
  });

  it('turns thousandths into percentages', () => {
    expect(permille(700)).toBe('70%');
    expect(permille(333)).toBe('33%');
  });

  it('writes exact decimals for reading: grouped, without trailing zeros', () => {
    expect(formatExact('2658.400')).toBe('2,658.4');
    expect(formatExact('1000000.000')).toBe('1,000,000');
    expect(formatExact('0.125')).toBe('0.125');
    expect(formatExact(12)).toBe('12');
    expect(formatExact('-3.50')).toBe('-3.5');
  });

  it('says a decision closed early when staff closed it before its window ended', () => {
    const closesAt = '2026-12-10T18:00:00.000Z';
    expect(closedLabel({ closesAt, closedAt: '2026-12-03T14:05:00.000Z' })).toMatch(
      /^Closed early on 3 Dec.* \(the window was to end 10 Dec.*\)$/,
    );
    expect(closedLabel({ closesAt, closedAt: closesAt })).toMatch(/^Closed when the window ended 10 Dec/);
  });
});

describe('officeLabel', () => {
  it('words an office code', () => {
    expect(officeLabel('us_president')).toBe('President');
    expect(officeLabel('county_commission')).toBe('County commission');
  });
});
