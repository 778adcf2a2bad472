import { describe, expect, it } from 'vitest';
import { activeItem, navItems } from './Layout.tsx';

describe('activeItem', () => {
  it('marks the most specific item that is the path or its parent', () => {
    expect(activeItem(navItems, '/')?.to).toBe('/');
    expect(activeItem(navItems, '/members')?.to).toBe('/members');
    expect(activeItem(navItems, '/members/2f1c')?.to).toBe('/members');
    expect(activeItem(navItems, '/members/apply')?.to).toBe('/members/apply');
    expect(activeItem(navItems, '/decisions/new')?.to).toBe('/decisions/new');
    expect(activeItem(navItems, '/membership')).toBeUndefined();
  });

  it('falls back to the parent when the specific item is hidden from the role', () => {
    const forViewer = navItems.filter((item) => !item.roles);
    expect(activeItem(forViewer, '/members/apply')?.to).toBe('/members');
  });
});
