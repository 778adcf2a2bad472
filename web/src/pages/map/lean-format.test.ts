import { describe, expect, it } from 'vitest';
import { leanColor } from './lean-colouring.ts';
import { formatLean, formatShare, noteText } from './lean-format.ts';

describe('lean figures in words', () => {
  it('writes points with the side that leads', () => {
    expect(formatLean(12.34)).toBe('D+12.3');
    expect(formatLean(-4)).toBe('R+4.0');
    expect(formatLean(0.04)).toBe('Even');
    expect(formatLean(null)).toBe('no figure');
  });

  it('writes shares given as fractions or as points', () => {
    expect(formatShare(0.5432)).toBe('54.3%');
    expect(formatShare(2.31, 'points')).toBe('2.3%');
    expect(formatShare(null)).toBe('—');
  });

  it('explains data notes, and names an unknown one', () => {
    expect(noteText('atlas.alaska_borough')).toMatch(/^Alaska reports by State House district/);
    expect(noteText('atlas.something_new')).toBe('Data note: atlas.something_new.');
    expect(noteText(null)).toBeNull();
  });

  it('colours lean by band: the pale middle within 3 points, the ends beyond 40', () => {
    expect(leanColor(0)).toBe(leanColor(2.9));
    expect(leanColor(3)).not.toBe(leanColor(2.9));
    expect(leanColor(-3)).not.toBe(leanColor(-2.9));
    expect(leanColor(-80)).toBe(leanColor(-40.1));
    expect(leanColor(80)).toBe(leanColor(40));
    expect(leanColor(-50)).not.toBe(leanColor(50));
  });
});
