import { Link, useParams } from 'react-router';
import { usePlaceNames } from '../../api/map.ts';
import { useOrganization, useRatifyCharter } from '../../api/organizations.ts';
import { useSession } from '../../api/session.ts';
import type { OrganizationDetail } from '../../api/types.ts';
import { kindLabels, positionLabel } from '../../components/labels.ts';
import { PlankList } from '../../components/PlankList.tsx';
import { canActFor, isDelegateOf, isFinal } from '../../components/roles.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { OrganizationStatusBadge } from '../../components/StatusBadges.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { AdmissionPanel } from './AdmissionPanel.tsx';
import { DelegatesSection } from './DelegatesSection.tsx';
import { EditProfile } from './EditProfile.tsx';
import { EvidenceSection } from './EvidenceSection.tsx';
import { StatusHistory } from './StatusHistory.tsx';
import { Withdrawal } from './Withdrawal.tsx';

export function MemberPage() {
  const { id = '' } = useParams();
  const organization = useOrganization(id);
  const session = useSession().data;
  const homes = usePlaceNames(organization.data?.homeJurisdictions ?? []);
  usePageTitle(organization.data?.name);
  if (organization.isPending) return <Loading label="Loading the member" />;
  if (organization.isError) return <ErrorMessage error={organization.error} />;
  const org = organization.data;
  const canManage = canActFor(session, org.id) && !isFinal(org.status);
  return (
    <article aria-labelledby="member-title">
      <p>
        <Link to="/members">← All members</Link>
      </p>
      <h1 id="member-title">{org.name}</h1>
      <p className="meta">
        <OrganizationStatusBadge status={org.status} /> {kindLabels[org.kind]} · Position{' '}
        {positionLabel(org.position)}
        {org.homeJurisdictions.length > 0
          ? ` · Home: ${org.homeJurisdictions.map(homes.nameOf).join(', ')}`
          : ''}
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
        <DelegatesSection organization={org} />
        <StatusHistory history={org.history} />
        {canManage ? <EditProfile organization={org} /> : null}
        {canManage ? <Withdrawal organization={org} /> : null}
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
