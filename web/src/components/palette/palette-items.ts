import { fuzzyFilter } from '../../../../src/core/fuzzy-match.ts';
import type { SearchHit } from '../../../../src/features/workspace/search.schema.ts';

/** One row of the palette: an app page, or a hit of the server's search. */
export interface PaletteItem {
  key: string;
  kind: 'page' | SearchHit['kind'];
  label: string;
  detail: string;
  path: string;
}

export interface PalettePage {
  to: string;
  label: string;
  group?: string;
}

export const kindLabels: Record<PaletteItem['kind'], string> = {
  page: 'Page',
  member: 'Member',
  decision: 'Decision',
  pact: 'Pact',
  candidate: 'Candidate',
  drive: 'Petition drive',
  place: 'Place',
};

/**
 * Pages first (filtered here, so they show without a round trip), then the server's hits in its
 * order. With no query, the pages alone: a palette that opens on the whole app's map.
 */
export function paletteItems(
  query: string,
  pages: readonly PalettePage[],
  hits: readonly SearchHit[],
): PaletteItem[] {
  const pageItems = fuzzyFilter(query, pages, (p) => p.label, query.trim() ? 6 : 50).map(
    (p): PaletteItem => ({
      key: `page:${p.to}`,
      kind: 'page',
      label: p.label,
      detail: p.group ?? '',
      path: p.to,
    }),
  );
  if (!query.trim()) return pageItems;
  return [
    ...pageItems,
    ...hits.map(
      (h): PaletteItem => ({
        key: `${h.kind}:${h.id}`,
        kind: h.kind,
        label: h.label,
        detail: h.detail,
        path: h.path,
      }),
    ),
  ];
}

/** The next active index for a navigation key, wrapping at the ends; null for other keys. */
export function moveActive(key: string, active: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return (active + 1) % count;
    case 'ArrowUp':
      return (active - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
