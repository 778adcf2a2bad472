import { Link, useParams } from 'react-router';
import { useOrganization, useRatifyCharter } from '../../api/organizations.ts';
import { useSession } from '../../api/session.ts';
import type { OrganizationDetail } from '../../api/types.ts';
import { kindLabels, positionLabel } from '../../components/labels.ts';
import { PlankList } from '../../components/PlankList.tsx';
import { isDelegateOf } from '../../components/roles.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { OrganizationStatusBadge } from '../../components/StatusBadges.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { AdmissionPanel } from './AdmissionPanel.tsx';
import { EvidenceSection } from './EvidenceSection.tsx';
import { StatusHistory } from './StatusHistory.tsx';

export function MemberPage() {
  const { id = '' } = useParams();
  const organization = useOrganization(id);
  usePageTitle(organization.data?.name);
  if (organization.isPending) return <Loading label="Loading the member" />;
  if (organization.isError) return <ErrorMessage error={organization.error} />;
  const org = organization.data;
  return (
    <article aria-labelledby="member-title">
      <p>
        <Link to="/members">← All members</Link>
      </p>
      <h1 id="member-title">{org.name}</h1>
      <p className="meta">
        <OrganizationStatusBadge status={org.status} /> {kindLabels[org.kind]} · Position{' '}
        {positionLabel(org.position)}
        {org.homeJurisdictions.length > 0 ? ` · Home: ${org.homeJurisdictions.join(', ')}` : ''}
      </p>
      {org.description ? <p>{org.description}</p> : null}
      <CharterLine organization={org} />
      <div className="detail-grid">
        {org.status === 'applicant' ? <AdmissionPanel organization={org} /> : null}
        <section aria-labelledby="platform-title" className="panel">
          <h2 id="platform-title">Platform</h2>
          <PlankList planks={org.platform} empty="No platform planks recorded." />
        </section>
        <EvidenceSection organization={org} />
        <section aria-labelledby="delegates-title" className="panel">
          <h2 id="delegates-title">Delegates</h2>
          {org.delegates.length === 0 ? (
            <p className="muted">No delegate yet.</p>
          ) : (
            <ul>
              {org.delegates.map((d) => (
                <li key={d.userId}>{d.displayName}</li>
              ))}
            </ul>
          )}
          {org.chapters.length > 0 ? (
            <>
              <h3>Chapters</h3>
              <ul>
                {org.chapters.map((c) => (
                  <li key={c.id}>
                    <Link to={`/members/${c.id}`}>{c.name}</Link>{' '}
                    <OrganizationStatusBadge status={c.status} />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
        <StatusHistory history={org.history} />
      </div>
    </article>
  );
}

function CharterLine({ organization }: { organization: OrganizationDetail }) {
  const session = useSession().data;
  const ratify = useRatifyCharter(organization.id);
  if (organization.charterRatified) return <p>Has ratified the current charter.</p>;
  return (
    <div>
      <p>
        <strong>Has not ratified the current charter.</strong>{' '}
        {isDelegateOf(session, organization.id) ? (
          <button type="button" onClick={() => ratify.mutate()} disabled={ratify.isPending}>
            Ratify the charter
          </button>
        ) : null}
      </p>
      {ratify.isError ? <ErrorMessage error={ratify.error} /> : null}
    </div>
  );
}
