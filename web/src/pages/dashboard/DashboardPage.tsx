import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useCoalition } from '../../api/coalition.ts';
import { useSession } from '../../api/session.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { PactsOverview } from '../pacts/PactsOverview.tsx';
import { PetitionWarnings } from '../petitions/PetitionWarnings.tsx';
import { ComplianceAlerts } from './ComplianceAlerts.tsx';
import { MembersOverview } from './MembersOverview.tsx';
import { OpenDecisions } from './OpenDecisions.tsx';
import { RecentActivity } from './RecentActivity.tsx';
import { TodayPanel } from './TodayPanel.tsx';

export function DashboardPage() {
  const session = useSession().data;
  const coalition = useCoalition();
  const counts = coalition.data?.organizationsByStatus;
  usePageTitle('Dashboard');
  return (
    <section aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">{session?.coalition.name}</h1>
      {coalition.isPending ? <Loading label="Loading the coalition" /> : null}
      {coalition.isError ? <ErrorMessage error={coalition.error} /> : null}
      {counts ? (
        <dl className="stats">
          {[
            { term: 'Members', value: counts.member },
            { term: 'Applicants', value: counts.applicant },
            { term: 'Suspended', value: counts.suspended },
          ].map((stat) => (
            <div key={stat.term}>
              <dt>{stat.term}</dt>
              <dd>{stat.value}</dd>
            </div>
          ))}
          <div>
            <dt>
              <Link to="/charter">Charter</Link>
            </dt>
            <dd>
              {coalition.data?.charterVersion ? `Version ${coalition.data.charterVersion}` : 'None yet'}
            </dd>
          </div>
        </dl>
      ) : null}
      <div className="dashboard-grid">
        <Panel id="today" title="What needs you today" wide>
          <TodayPanel />
        </Panel>
        <Panel id="petition-deadlines" title="Petition deadlines" to="/petitions">
          <PetitionWarnings />
        </Panel>
        <Panel id="compliance" title="Pact compliance" to="/candidates?dissident=true">
          <ComplianceAlerts />
        </Panel>
        <Panel id="members" title="Members" to="/members" wide>
          <MembersOverview />
        </Panel>
        <Panel id="open" title="Open decisions" to="/decisions">
          <OpenDecisions />
        </Panel>
        <Panel id="pacts" title="Pacts" to="/pacts">
          <PactsOverview />
        </Panel>
        <Panel id="activity" title="Latest activity" to="/audit">
          <RecentActivity />
        </Panel>
      </div>
    </section>
  );
}

/** One dashboard card: a titled region whose heading links to the page it summarises. */
function Panel(props: { id: string; title: string; to?: string; wide?: boolean; children: ReactNode }) {
  const titleId = `${props.id}-title`;
  return (
    <section aria-labelledby={titleId} className={props.wide ? 'panel wide' : 'panel'}>
      <h2 id={titleId}>{props.to ? <Link to={props.to}>{props.title}</Link> : props.title}</h2>
      {props.children}
    </section>
  );
}
