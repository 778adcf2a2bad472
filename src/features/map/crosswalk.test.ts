import { describe, expect, it } from 'vitest';
import { computeCrosswalk, crosswalkLabel } from './crosswalk.ts';

/** The shipped district shapes against us-atlas counties (area-based, computed once here). */
describe('the county ↔ House district crosswalk', () => {
  it('splits Wayne County among four Michigan districts, gives an at-large county to its state seat, and says it is area-based', async () => {
    const rows = await computeCrosswalk();
    const wayne = rows.filter((r) => r.county === '26163');
    expect(wayne.map((r) => r.district).sort()).toEqual(['MI-11', 'MI-12', 'MI-13', 'MI-14']);
    const total = wayne.reduce((sum, r) => sum + r.share, 0);
    expect(total).toBeGreaterThan(0.95);
    expect(total).toBeLessThanOrEqual(1.000001);
    expect(wayne.find((r) => r.district === 'MI-12')?.share).toBeGreaterThan(0.3);
    expect(rows.filter((r) => r.county === '56021')).toEqual([
      { county: '56021', district: 'WY-AL', share: 1 },
    ]);
    // Pennsylvania uses its court-drawn 2018 map (the latest shipped), 18 districts.
    expect(new Set(rows.filter((r) => r.district.startsWith('PA-')).map((r) => r.district)).size).toBe(18);
    // Nearly every county is covered (the rest are coastal: water in the county, not in a district).
    const sums = new Map<string, number>();
    for (const r of rows) sums.set(r.county, (sums.get(r.county) ?? 0) + r.share);
    const covered = [...sums.values()].filter((s) => s > 0.95).length;
    expect(covered / sums.size).toBeGreaterThan(0.97);
    expect(crosswalkLabel).toContain('area-based');
  }, 120_000);
});
