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
        <section aria-labelledby="today-title" className="panel wide">
          <h2 id="today-title">What needs you today</h2>
          <TodayPanel />
        </section>
        <section aria-labelledby="petition-deadlines-title" className="panel">
          <h2 id="petition-deadlines-title">
            <Link to="/petitions">Petition deadlines</Link>
          </h2>
          <PetitionWarnings />
        </section>
        <section aria-labelledby="compliance-title" className="panel">
          <h2 id="compliance-title">
            <Link to="/candidates?dissident=true">Pact compliance</Link>
          </h2>
          <ComplianceAlerts />
        </section>
        <section aria-labelledby="members-title" className="panel wide">
          <h2 id="members-title">
            <Link to="/members">Members</Link>
          </h2>
          <MembersOverview />
        </section>
        <section aria-labelledby="open-title" className="panel">
          <h2 id="open-title">
            <Link to="/decisions">Open decisions</Link>
          </h2>
          <OpenDecisions />
        </section>
        <section aria-labelledby="pacts-title" className="panel">
          <h2 id="pacts-title">
            <Link to="/pacts">Pacts</Link>
          </h2>
          <PactsOverview />
        </section>
        <section aria-labelledby="activity-title" className="panel">
          <h2 id="activity-title">
            <Link to="/audit">Latest activity</Link>
          </h2>
          <RecentActivity />
        </section>
      </div>
    </section>
  );
}
