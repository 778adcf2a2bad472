import { useSyncExternalStore } from 'react';

/**
 * The title the current page gave itself (usePageTitle), with the path it was given on: the
 * breadcrumbs name the last step with it, and ignore a title left over from the previous page.
 */
export interface PageTitle {
  path: string;
  title: string | undefined;
}

let current: PageTitle = { path: '', title: undefined };
const listeners = new Set<() => void>();

export function publishPageTitle(next: PageTitle): void {
  if (next.path === current.path && next.title === current.title) return;
  current = next;
  for (const listener of listeners) listener();
}

export function usePublishedTitle(): PageTitle {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
