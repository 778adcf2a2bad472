import { NavLink, Outlet, useNavigate } from 'react-router';
import { type Role, useSession, useSignOut } from '../api/session.ts';

interface NavItem {
  to: string;
  label: string;
  /** Roles that see the item; all roles when omitted. */
  roles?: readonly Role[];
}

/** Screens register here as they land; the server enforces the same rules on every call. */
export const navItems: NavItem[] = [{ to: '/', label: 'Dashboard' }];

export function Layout() {
  const session = useSession().data;
  const signOut = useSignOut();
  const navigate = useNavigate();
  if (!session) return null;
  const visible = navItems.filter((item) => !item.roles || item.roles.includes(session.role));

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">{session.coalition.name}</span>
        <nav aria-label="Main">
          <ul>
            {visible.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to === '/'}>
                  {item.label}
                </NavLink>
              </li>
            ))}
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
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
