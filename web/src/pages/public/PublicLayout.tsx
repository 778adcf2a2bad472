import { Link, NavLink, useParams } from 'react-router';
import { usePublicCoalition } from '../../api/coalition.ts';
import { MainRegion, SkipLink } from '../../components/MainRegion.tsx';

/** The public site: no sign-in, its own light frame. */
export function PublicLayout() {
  const { slug = '' } = useParams();
  const coalition = usePublicCoalition(slug);
  return (
    <div className="app public">
      <SkipLink />
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
            <li>
              <NavLink to={`/public/${slug}/candidates`}>Find your candidate</NavLink>
            </li>
            <li>
              <NavLink to={`/public/${slug}/slate`}>Slate card</NavLink>
            </li>
          </ul>
        </nav>
        <Link to="/signin">Sign in</Link>
      </header>
      <MainRegion />
    </div>
  );
}
