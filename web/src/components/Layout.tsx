import { Link, useLocation, useNavigate } from 'react-router';
import { type Role, staffRoles, useSession, useSignOut } from '../api/session.ts';
import { MainRegion, SkipLink } from './MainRegion.tsx';

interface NavItem {
  to: string;
  label: string;
  /** Roles that see the item; all roles when omitted. */
  roles?: readonly Role[];
}

/** Screens register here as they land; the server enforces the same rules on every call. */
export const navItems: NavItem[] = [
  { to: '/', label: 'Dashboard' },
  { to: '/members', label: 'Members' },
  { to: '/members/apply', label: 'New application', roles: staffRoles },
  { to: '/decisions', label: 'Decisions' },
  { to: '/decisions/new', label: 'New decision', roles: staffRoles },
  { to: '/map', label: 'Map' },
  { to: '/pacts', label: 'Pacts' },
  { to: '/petitions', label: 'Ballot access' },
  { to: '/candidates', label: 'Candidates' },
  // A member's own people for its delegates and organizers; counts only for staff.
  { to: '/people', label: 'People', roles: ['admin', 'secretariat', 'delegate', 'organizer'] },
  { to: '/charter', label: 'Charter' },
  { to: '/audit', label: 'Audit log' },
  { to: '/count', label: 'Count', roles: ['admin', 'secretariat', 'delegate', 'organizer'] },
];

/** The item for a path: the longest `to` that is the path or a parent of it. */
export function activeItem(items: readonly NavItem[], pathname: string): NavItem | undefined {
  const matches = items.filter(
    (item) => pathname === item.to || (item.to !== '/' && pathname.startsWith(`${item.to}/`)),
  );
  return matches.sort((a, b) => b.to.length - a.to.length)[0];
}

export function Layout() {
  const session = useSession().data;
  const signOut = useSignOut();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  if (!session) return null;
  const visible = navItems.filter((item) => !item.roles || item.roles.includes(session.role));
  const active = activeItem(visible, pathname);

  return (
    <div className="app">
      <SkipLink />
      <header className="topbar">
        <span className="brand">{session.coalition.name}</span>
        <nav aria-label="Main">
          <ul>
            {visible.map((item) => (
              <li key={item.to}>
                <Link
                  to={item.to}
                  className={item === active ? 'active' : undefined}
                  aria-current={item === active ? 'page' : undefined}
                >
                  {item.label}
                </Link>
              </li>
            ))}
            <li>
              <Link to={`/public/${session.coalition.slug}`}>Public site</Link>
            </li>
          </ul>
        </nav>
        <div className="account">
          <span>
            {session.user.displayName} <span className="badge">{session.role}</span>
          </span>
          <button
            type="button"
            onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/signin') })}
            disabled={signOut.isPending}
          >
            Sign out
          </button>
        </div>
      </header>
      <MainRegion />
    </div>
  );
}
