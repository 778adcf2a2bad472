import { type ReactNode, Suspense, useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import { PageErrorBoundary } from './PageErrorBoundary.tsx';
import { Loading } from './Status.tsx';

export function SkipLink() {
  return (
    <a className="skip-link" href="#main">
      Skip to content
    </a>
  );
}

/**
 * The page's main region for both frames (signed-in and public): lazy pages load inside it, a page
 * that fails shows its error there, and after a client-side navigation focus moves to it (as a
 * page load would), so keyboard and screen-reader users start at the new content. Only a new path
 * counts: a filter changed in the query string keeps focus where it is. `before` goes above the page
 * (the staff app's breadcrumbs).
 */
export function MainRegion({ before }: { before?: ReactNode }) {
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    main.current?.focus();
  }, [pathname]);
  return (
    <main id="main" tabIndex={-1} ref={main}>
      {before}
      <PageErrorBoundary key={pathname}>
        <Suspense fallback={<Loading label="Loading the page" />}>
          <Outlet />
        </Suspense>
      </PageErrorBoundary>
    </main>
  );
}
