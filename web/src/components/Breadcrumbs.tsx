import { Link, useLocation } from 'react-router';
import { breadcrumbTrail } from './breadcrumb-trail.ts';
import { usePublishedTitle } from './page-title-store.ts';

/** Where a deep page sits: Dashboard › Decisions › Admit Prairie Movement. */
export function Breadcrumbs({ items }: { items: readonly { to: string; label: string }[] }) {
  const { pathname, search } = useLocation();
  const published = usePublishedTitle();
  const title = published.path === pathname ? published.title : undefined;
  const version = pathname.startsWith('/pacts/') ? new URLSearchParams(search).get('version') : null;
  const trail = breadcrumbTrail(pathname, items, title, version ? `Version ${version}` : null);
  if (trail.length === 0) return null;
  return (
    <nav aria-label="Breadcrumb" className="breadcrumbs">
      <ol>
        {trail.map((crumb, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a trail's steps are positional
          <li key={index}>
            {crumb.to ? (
              <Link to={crumb.to}>{crumb.label}</Link>
            ) : (
              <span aria-current="page">{crumb.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
