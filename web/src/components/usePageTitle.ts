import { useEffect } from 'react';

/** The tab title names the page, so screen-reader users and history entries can tell pages apart. */
export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Concord` : 'Concord';
  }, [title]);
}
