/** One step of the trail: a label, and a link unless it is the current page. */
export interface Crumb {
  label: string;
  to: string | null;
}

/**
 * Parents that are not in the sidebar but have a page of their own; a path prefix with no page at
 * all (`/petitions/drives`) is skipped.
 */
const extraLabels: Record<string, string> = {
  '/map/france': 'France 2024',
  '/candidates/new': 'Build a ticket',
  '/candidates/results': 'Results against the pact',
  '/people/import': 'Import people',
  '/people/duplicates': 'Duplicates',
  '/people/overlaps': 'Shared supporters',
  '/people/pipeline': 'Leadership pipeline',
  '/people/segments': 'Segments',
};

/**
 * The trail for a deep page, from the route tree: each parent path with a page, named as the
 * sidebar names it, then the page itself under the title it gave itself (a name, never an id).
 * Top-level pages (one segment) have no trail. `extra` appends a step below the page (a pact's
 * version chosen in the query string).
 */
export function breadcrumbTrail(
  pathname: string,
  items: readonly { to: string; label: string }[],
  pageTitle: string | undefined,
  extra: string | null = null,
): Crumb[] {
  const segments = pathname.split('/').filter(Boolean);
  if (segments.length < 2) return [];
  const labelOf = (path: string) => items.find((item) => item.to === path)?.label ?? extraLabels[path];
  const trail: Crumb[] = [{ label: 'Dashboard', to: '/' }];
  for (let depth = 1; depth < segments.length; depth += 1) {
    const path = `/${segments.slice(0, depth).join('/')}`;
    const label = labelOf(path);
    if (label) trail.push({ label, to: path });
  }
  const own = labelOf(pathname) ?? pageTitle ?? '…';
  if (extra) {
    trail.push({ label: own, to: pathname });
    trail.push({ label: extra, to: null });
  } else {
    trail.push({ label: own, to: null });
  }
  return trail;
}
