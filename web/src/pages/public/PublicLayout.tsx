import { Link, NavLink, useParams } from 'react-router';
import { usePublicCoalition } from '../../api/coalition.ts';
import { MainRegion, SkipLink } from '../../components/MainRegion.tsx';
import { brandStyle } from './brand-style.ts';
import './public-brand.css';

/** The public site: no sign-in, the coalition's own colours and logo. */
export function PublicLayout() {
  const { slug = '' } = useParams();
  const coalition = usePublicCoalition(slug);
  const branding = coalition.data?.branding;
  const name = coalition.data?.coalition.name ?? 'Concord';
  return (
    <div className="app public" style={brandStyle(branding)}>
      <SkipLink />
      <header className="topbar public-header">
        <span className="brand">
          {branding?.logo ? <img className="public-logo" src={branding.logo} alt="" /> : null}
          {name}
        </span>
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
        <Link to="/public">All coalitions</Link>
        <Link to="/signin">Sign in</Link>
      </header>
      <MainRegion />
    </div>
  );
}
