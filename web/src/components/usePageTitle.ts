import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { publishPageTitle } from './page-title-store.ts';

/**
 * The tab title names the page, so screen-reader users and history entries can tell pages apart;
 * the breadcrumbs name the page's own step with the same words.
 */
export function usePageTitle(title: string | undefined): void {
  const { pathname } = useLocation();
  useEffect(() => {
    document.title = title ? `${title} · Concord` : 'Concord';
    publishPageTitle({ path: pathname, title });
  }, [title, pathname]);
}
