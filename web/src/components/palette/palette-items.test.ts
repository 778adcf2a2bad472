import { describe, expect, it } from 'vitest';
import { moveActive, paletteItems } from './palette-items.ts';

const pages = [
  { to: '/', label: 'Dashboard', group: 'Coalition' },
  { to: '/members', label: 'Members', group: 'Coalition' },
  { to: '/decisions', label: 'Decisions', group: 'Decisions' },
];
const hit = {
  kind: 'member' as const,
  id: 'm1',
  label: 'Harbor Greens',
  detail: 'party · member',
  path: '/members/m1',
};

describe('command palette items', () => {
  it('lists every page with no query, and no server hit', () => {
    expect(paletteItems('', pages, [hit]).map((i) => i.path)).toEqual(['/', '/members', '/decisions']);
  });

  it('puts matching pages before the server hits', () => {
    const items = paletteItems('mem', pages, [hit]);
    expect(items.map((i) => `${i.kind}:${i.label}`)).toEqual(['page:Members', 'member:Harbor Greens']);
  });

  it('moves the active row with the arrow keys, wrapping, and ignores other keys', () => {
    expect(moveActive('ArrowDown', 2, 3)).toBe(0);
    expect(moveActive('ArrowUp', 0, 3)).toBe(2);
    expect(moveActive('End', 0, 3)).toBe(2);
    expect(moveActive('Home', 2, 3)).toBe(0);
    expect(moveActive('a', 1, 3)).toBeNull();
    expect(moveActive('ArrowDown', 0, 0)).toBeNull();
  });
});
