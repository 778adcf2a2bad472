import { describe, expect, it } from 'vitest';
import { breadcrumbTrail } from './breadcrumb-trail.ts';

const items = [
  { to: '/', label: 'Dashboard' },
  { to: '/decisions', label: 'Decisions' },
  { to: '/decisions/new', label: 'New decision' },
  { to: '/petitions', label: 'Ballot access' },
  { to: '/pacts', label: 'Pacts' },
];

describe('breadcrumb trail from the route tree', () => {
  it('has no trail on a top-level page', () => {
    expect(breadcrumbTrail('/decisions', items, 'Decisions')).toEqual([]);
    expect(breadcrumbTrail('/', items, 'Dashboard')).toEqual([]);
  });

  it('names a deep page by its title, its parents by their sidebar labels', () => {
    expect(breadcrumbTrail('/decisions/0b5c', items, 'Admit Prairie Movement')).toEqual([
      { label: 'Dashboard', to: '/' },
      { label: 'Decisions', to: '/decisions' },
      { label: 'Admit Prairie Movement', to: null },
    ]);
  });

  it('skips a parent path without a page, and uses a sidebar label over the title', () => {
    expect(
      breadcrumbTrail('/petitions/drives/9f1', items, 'Michigan Greens line').map((c) => c.label),
    ).toEqual(['Dashboard', 'Ballot access', 'Michigan Greens line']);
    expect(breadcrumbTrail('/decisions/new', items, 'Something else').at(-1)).toEqual({
      label: 'New decision',
      to: null,
    });
  });

  it('shows an ellipsis, never the id, while the name loads; an extra step links the page back', () => {
    expect(breadcrumbTrail('/pacts/3e2', items, undefined).at(-1)?.label).toBe('…');
    expect(breadcrumbTrail('/pacts/3e2', items, 'House 2026', 'Version 3').slice(-2)).toEqual([
      { label: 'House 2026', to: '/pacts/3e2' },
      { label: 'Version 3', to: null },
    ]);
  });
});
