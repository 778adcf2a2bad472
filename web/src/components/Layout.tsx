import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useOrganization } from '../api/organizations.ts';
import { type Role, staffRoles, useSession, useSignOut } from '../api/session.ts';
import { Breadcrumbs } from './Breadcrumbs.tsx';
import { MainRegion, SkipLink } from './MainRegion.tsx';
import { PaletteLauncher } from './palette/PaletteLauncher.tsx';

/** The sidebar's sections, in order; a new area adds its name here (Tickets, Supporters, Ballot access…). */
export const navGroups = ['Coalition', 'Decisions', 'Territory', 'Pacts', 'Tickets', 'Supporters'] as const;

interface NavItem {
  to: string;
  label: string;
  /** Roles that see the item; all roles when omitted. */
  roles?: readonly Role[];
  /** The sidebar section (one of navGroups, or a new one); "More" when omitted. */
  group?: string;
}

/** Screens register here as they land; the server enforces the same rules on every call. */
export const navItems: NavItem[] = [
  { to: '/', label: 'Dashboard', group: 'Coalition' },
  { to: '/members', label: 'Members', group: 'Coalition' },
  { to: '/members/apply', label: 'New application', roles: staffRoles, group: 'Coalition' },
  { to: '/charter', label: 'Charter', group: 'Coalition' },
  { to: '/audit', label: 'Audit log', group: 'Coalition' },
  { to: '/settings/branding', label: 'Public look', roles: ['admin'], group: 'Coalition' },
  { to: '/decisions', label: 'Decisions', group: 'Decisions' },
  { to: '/decisions/new', label: 'New decision', roles: staffRoles, group: 'Decisions' },
  { to: '/map', label: 'Map', group: 'Territory' },
  { to: '/pacts', label: 'Pacts', group: 'Pacts' },
  { to: '/candidates', label: 'Candidates', group: 'Tickets' },
  { to: '/petitions', label: 'Ballot access', group: 'Tickets' },
  // A member's own people for its delegates and organizers; counts only for staff.
  {
    to: '/people',
    label: 'People',
    roles: ['admin', 'secretariat', 'delegate', 'organizer'],
    group: 'Supporters',
  },
  {
    to: '/count',
    label: 'Count (RCTab)',
    roles: ['admin', 'secretariat', 'delegate', 'organizer'],
    group: 'Decisions',
  },
];

/** Items by section, sections in navGroups order and then any new ones in the order they appear. */
export function groupItems(items: readonly NavItem[]): { group: string; items: NavItem[] }[] {
  const order: string[] = [...navGroups];
  for (const item of items) if (!order.includes(item.group ?? 'More')) order.push(item.group ?? 'More');
  return order
    .map((group) => ({ group, items: items.filter((item) => (item.group ?? 'More') === group) }))
    .filter((section) => section.items.length > 0);
}

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
  const [menuOpen, setMenuOpen] = useState(false);
  const organization = useOrganization(session?.organizationId ?? '');
  // A phone's menu closes once a link is followed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path change is the trigger
  useEffect(() => setMenuOpen(false), [pathname]);
  if (!session) return null;
  const visible = navItems.filter((item) => !item.roles || item.roles.includes(session.role));
  const active = activeItem(visible, pathname);
  const orgName = session.organizationId ? organization.data?.name : null;

  return (
    <div className="app app-shell">
      <SkipLink />
      <header className="topbar">
        <button
          type="button"
          className="menu-button secondary"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen(!menuOpen)}
        >
          Menu
        </button>
        <span className="brand">
          <span className="product">Concord</span> <span className="coalition">{session.coalition.name}</span>
        </span>
        <PaletteLauncher pages={visible} />
        <div className="account">
          <span className="who">
            <span className="person">{session.user.displayName}</span>
            <span className="muted org">
              {orgName ? `${orgName} · ` : ''}
              {session.role}
            </span>
          </span>
          <button
            type="button"
            className="secondary"
            onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/signin') })}
            disabled={signOut.isPending}
          >
            Sign out
          </button>
        </div>
      </header>
      <div className="shell-body">
        <nav aria-label="Main" id="main-nav" className={`sidebar${menuOpen ? ' open' : ''}`}>
          {groupItems(visible).map((section) => (
            <div key={section.group} className="nav-section">
              <h2 className="nav-group">{section.group}</h2>
              <ul>
                {section.items.map((item) => (
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
              </ul>
            </div>
          ))}
          <ul className="nav-footer">
            <li>
              <Link to={`/public/${session.coalition.slug}`}>Public site</Link>
            </li>
          </ul>
        </nav>
        <MainRegion before={<Breadcrumbs items={visible} />} />
      </div>
    </div>
  );
}
