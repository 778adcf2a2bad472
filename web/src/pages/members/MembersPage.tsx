import { useDeferredValue } from 'react';
import { Link } from 'react-router';
import { useOrganizationPages } from '../../api/organizations.ts';
import { useSession } from '../../api/session.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { kindLabels, positionLabel } from '../../components/labels.ts';
import { isStaffRole } from '../../components/roles.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { OrganizationStatusBadge } from '../../components/StatusBadges.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useSearchFilters } from '../../components/useSearchFilters.ts';
import { MemberFilters, type MemberFilterValues } from './MemberFilters.tsx';

const filterKeys = ['q', 'kind', 'status', 'position'] as const;

/** The directory: filters live in the address, so a filtered list can be bookmarked and shared. */
export function MembersPage() {
  const role = useSession().data?.role;
  const [values, handleChange] = useSearchFilters<(typeof filterKeys)[number], MemberFilterValues>(
    filterKeys,
  );
  usePageTitle('Members');
  const q = useDeferredValue(values.q.trim());
  // Every filter runs on the server, so a page is full whatever the filters (50 at a time).
  const organizations = useOrganizationPages({
    ...(q ? { q } : {}),
    ...(values.kind ? { kind: values.kind } : {}),
    ...(values.status ? { status: values.status } : {}),
    ...(values.position ? { position: values.position } : {}),
  });
  const shown = organizations.items;

  return (
    <section aria-labelledby="members-title">
      <div className="page-head">
        <h1 id="members-title">Members</h1>
        {role && isStaffRole(role) ? (
          <Link className="button" to="/members/apply">
            Record an application
          </Link>
        ) : null}
      </div>
      <MemberFilters values={values} onChange={handleChange} />
      {organizations.isPending ? <Loading label="Loading members" /> : null}
      {organizations.isError ? <ErrorMessage error={organizations.error} /> : null}
      {shown ? (
        <>
          <p className="muted" role="status" aria-live="polite">
            {shown.length}
            {organizations.hasNextPage ? '+' : ''} organization{shown.length === 1 ? '' : 's'}
          </p>
          <ul className="member-cards">
            {shown.map((org) => (
              <li key={org.id}>
                <h2>
                  <Link to={`/members/${org.id}`}>{org.name}</Link>
                </h2>
                <p className="meta">
                  <OrganizationStatusBadge status={org.status} /> {kindLabels[org.kind]} · Position{' '}
                  {positionLabel(org.position)} · Charter {org.charterRatified ? 'ratified' : 'not ratified'}
                </p>
                {org.description ? <p>{org.description}</p> : null}
              </li>
            ))}
          </ul>
          <LoadMore pages={organizations} shown={shown.length} noun="organizations" />
        </>
      ) : null}
    </section>
  );
}
