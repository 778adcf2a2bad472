import { describe, expect, it } from 'vitest';
import { withMemberNames } from './explanation-text.ts';
import { formatDelta, formatProbability } from './format.ts';
import { coalitionColours, pactMemberColours } from './member-colours.ts';

describe('withMemberNames', () => {
  it('replaces whole member keys only, the longest first', () => {
    const names = new Map([
      ['greens', 'Harbor Greens'],
      ['greens-north', 'Greens – Northside'],
    ]);
    expect(
      withMemberNames('greens-north: win probability 0.40 vs greens 0.30; greens below entitlement', names),
    ).toBe('Greens – Northside: win probability 0.40 vs Harbor Greens 0.30; Harbor Greens below entitlement');
    expect(withMemberNames('evergreens stay', names)).toBe('evergreens stay');
  });
});

describe('formats', () => {
  it('never rounds a possible win to 0 % or a possible loss to 100 %', () => {
    expect(formatProbability(null)).toBe('—');
    expect(formatProbability(0)).toBe('0%');
    expect(formatProbability(0.004)).toBe('<1%');
    expect(formatProbability(0.734)).toBe('73%');
    expect(formatProbability(0.996)).toBe('>99%');
    expect(formatProbability(1)).toBe('100%');
  });

  it('signs changes and drops noise', () => {
    expect(formatDelta(1, 0)).toBe('+1');
    expect(formatDelta(-0.254)).toBe('−0.25');
    expect(formatDelta(0.001)).toBe('0');
  });
});

describe('member colours', () => {
  it('give an organization the same colour in every pact, by the order members joined', () => {
    const orgs = [
      { id: 'b', createdAt: '2026-01-02T00:00:00.000Z' },
      { id: 'a', createdAt: '2026-01-01T00:00:00.000Z' },
      { id: 'c', createdAt: '2026-01-03T00:00:00.000Z' },
    ];
    const byOrg = coalitionColours(orgs);
    const first = pactMemberColours(
      [
        { key: 'x', organizationId: 'c' },
        { key: 'y', organizationId: 'b' },
      ],
      byOrg,
    );
    const second = pactMemberColours([{ key: 'z', organizationId: 'c' }], byOrg);
    expect(first.get('x')).toBe(second.get('z'));
    expect(first.get('x')).toBe(byOrg.get('c'));
    expect(new Set(byOrg.values()).size).toBe(3);
    // A newcomer takes the next colour; nobody else's changes.
    const grown = coalitionColours([...orgs, { id: 'd', createdAt: '2026-02-01T00:00:00.000Z' }]);
    for (const org of orgs) expect(grown.get(org.id)).toBe(byOrg.get(org.id));
  });
});
