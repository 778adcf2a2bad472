import type { ResultSetView, UsLevel } from '../../api/map.ts';

export const defaultSetSlug = 'us-president-2024-county';

export interface SetGroup {
  label: string;
  level: UsLevel;
  sets: ResultSetView[];
}

/** The year in a set's slug, so sets sort newest first whatever their names say. */
const yearOf = (set: ResultSetView) => Number(/\d{4}/.exec(set.slug)?.[0] ?? 0);
const newestFirst = (a: ResultSetView, b: ResultSetView) =>
  yearOf(b) - yearOf(a) || a.name.localeCompare(b.name);

/**
 * The result sets the US map can paint: those reported by county or by state (us-atlas has shapes
 * for no other level), grouped by level, newest first. District sets have no shapes to paint.
 */
export function mapSetGroups(sets: readonly ResultSetView[]): SetGroup[] {
  const groups: SetGroup[] = [
    { label: 'By county', level: 'counties', sets: sets.filter((s) => s.unitKind === 'county') },
    { label: 'By state', level: 'states', sets: sets.filter((s) => s.unitKind === 'state') },
  ];
  return groups.filter((g) => g.sets.length > 0).map((g) => ({ ...g, sets: [...g.sets].sort(newestFirst) }));
}

/** The set the map opens with: President 2024 by county, or else the newest set it can draw. */
export function initialSet(groups: readonly SetGroup[]): string | undefined {
  const all = groups.flatMap((g) => g.sets);
  return (all.find((s) => s.slug === defaultSetSlug) ?? all[0])?.slug;
}

/** The level a set is drawn at; an unknown set (still loading, or mistyped) draws counties. */
export function levelOf(groups: readonly SetGroup[], slug: string): UsLevel {
  return groups.find((g) => g.sets.some((s) => s.slug === slug))?.level ?? 'counties';
}
