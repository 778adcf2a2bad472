import { Suspense, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation, useParams } from 'react-router';
import { usePublicCoalition } from '../../api/coalition.ts';
import { PageErrorBoundary } from '../../components/PageErrorBoundary.tsx';
import { Loading } from '../../components/Status.tsx';
import { useFocusOnNavigate } from '../../components/useFocusOnNavigate.ts';

/** The public site: no sign-in, its own light frame. */
export function PublicLayout() {
  const { slug = '' } = useParams();
  const coalition = usePublicCoalition(slug);
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  useFocusOnNavigate(mainRef);
  return (
    <div className="app public">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">{coalition.data?.coalition.name ?? 'Concord'}</span>
        <nav aria-label="Public">
          <ul>
            <li>
              <NavLink to={`/public/${slug}`} end>
                Charter
              </NavLink>
            </li>
            <li>
              <NavLink to={`/public/${slug}/members`}>Members</NavLink>
            </li>
          </ul>
        </nav>
        <Link to="/signin">Sign in</Link>
      </header>
      <main id="main" tabIndex={-1} ref={mainRef}>
        <PageErrorBoundary key={pathname}>
          <Suspense fallback={<Loading label="Loading the page" />}>
            <Outlet />
          </Suspense>
        </PageErrorBoundary>
      </main>
    </div>
  );
}
