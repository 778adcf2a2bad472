import { describe, expect, it } from 'vitest';
import type { Evidence } from '../api/types.ts';
import { currentFigure } from './strength.ts';

const figure = (metric: Evidence['metric'], value: number, asOf: string, verified: boolean): Evidence => ({
  id: `${metric}-${asOf}-${value}`,
  organizationId: 'org',
  metric,
  value,
  asOf,
  source: 'register',
  note: '',
  verified,
  verifiedAt: verified ? `${asOf}T00:00:00.000Z` : null,
  submittedAt: `${asOf}T00:00:00.000Z`,
});

describe('currentFigure', () => {
  it('prefers the latest verified figure over a newer unverified claim', () => {
    const evidence = [
      figure('members', 900, '2025-01-01', true),
      figure('members', 1200, '2026-01-01', true),
      figure('members', 5000, '2026-06-01', false),
      figure('votes', 90000, '2026-07-01', true),
    ];
    expect(currentFigure(evidence, 'members')).toEqual({ value: 1200, asOf: '2026-01-01', verified: true });
  });

  it('falls back to the latest unverified figure, and to none', () => {
    const evidence = [
      figure('members', 300, '2026-01-01', false),
      figure('members', 320, '2026-10-01', false),
    ];
    expect(currentFigure(evidence, 'members')).toEqual({ value: 320, asOf: '2026-10-01', verified: false });
    expect(currentFigure(evidence, 'votes')).toBeNull();
  });
});
