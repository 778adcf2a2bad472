import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useOrganizations } from '../../api/organizations.ts';
import { type PactView, usePact, usePactVersion } from '../../api/pacts.ts';
import { useSession } from '../../api/session.ts';
import { isStaffRole } from '../../components/roles.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { AdvicePanel } from './AdvicePanel.tsx';
import { AssignmentSection } from './AssignmentSection.tsx';
import { buildRows } from './assignment-rows.ts';
import { ComparePanel } from './ComparePanel.tsx';
import { formatWins } from './format.ts';
import { sourceLabel } from './labels.ts';
import { MembersSection } from './MembersSection.tsx';
import { coalitionColours, pactMemberColours } from './member-colours.ts';
import { PactStatusBadge } from './PactStatusBadge.tsx';
import { RatificationPanel } from './RatificationPanel.tsx';
import { RunPanel } from './RunPanel.tsx';
import { type RaceOdds, raceOdds } from './race-odds.ts';
import './pacts.css';

export function PactPage() {
  const { id = '' } = useParams();
  const pact = usePact(id);
  usePageTitle(pact.data?.name ?? 'Pact');
  if (pact.isPending) return <Loading label="Loading the pact" />;
  if (pact.isError) return <ErrorMessage error={pact.error} />;
  return <PactWorkspace pact={pact.data} />;
}

function Figures({ pact }: { pact: PactView }) {
  const v = pact.latestVersion;
  if (!v) return <p className="muted">No version yet: the engine has not been run on this pact.</p>;
  return (
    <dl className="stats">
      <div>
        <dt>Expected wins (version {v.number})</dt>
        <dd>{formatWins(v.expectedWins)}</dd>
      </div>
      <div>
        <dt>Without a pact</dt>
        <dd>{formatWins(v.noPactWins)}</dd>
      </div>
      <div>
        <dt>Entitlement ±1</dt>
        <dd>{v.entitlementWithinOne ? 'Holds' : 'Fails'}</dd>
      </div>
      <div>
        <dt>WEF1 fairness</dt>
        <dd>{v.wef1 ? 'Holds' : 'Fails'}</dd>
      </div>
      <div>
        <dt>Local objections</dt>
        <dd>{pact.consent.objections}</dd>
      </div>
    </dl>
  );
}

/** Failed checks are the first thing on the page: a version that breaks one must not pass unseen. */
function FailedChecks({ pact }: { pact: PactView }) {
  const failing = pact.versions.filter((v) => !v.entitlementWithinOne || !v.wef1);
  if (failing.length === 0) return null;
  const latest = pact.latestVersion;
  const latestFails = latest && failing.some((v) => v.number === latest.number);
  const what = (v: PactView['versions'][number]) =>
    [
      v.entitlementWithinOne ? null : 'a member is more than one race from its share (entitlement ±1)',
      v.wef1 ? null : 'a member envies another beyond one race (WEF1)',
    ]
      .filter(Boolean)
      .join(' and ');
  return (
    <div className="check-failed" role="note" aria-label="Failed checks">
      {latest && latestFails ? (
        <p>
          <strong>The latest version ({latest.number}) fails a fairness check:</strong> {what(latest)}. Rerun
          the engine, or change the locks and vetoes that force it.
        </p>
      ) : null}
      {failing
        .filter((v) => v.number !== latest?.number)
        .map((v) => (
          <p key={v.number}>
            Version {v.number} fails: {what(v)}.
          </p>
        ))}
    </div>
  );
}

/**
 * The pact workspace: run the engine, read the assignment (map and table), set rules, compare
 * versions, see each member's share, send to ratification. What a role may do is offered to it
 * only; the server decides every write again.
 */
function PactWorkspace({ pact }: { pact: PactView }) {
  const session = useSession().data;
  const staff = !!session && isStaffRole(session.role);
  const canEdit = staff && pact.status === 'draft';
  const latest = pact.latestVersion?.number;
  const version = usePactVersion(pact.id, latest);
  const odds = useMemo(
    () => (version.data ? raceOdds(version.data.input) : new Map<string, RaceOdds>()),
    [version.data],
  );
  const rows = useMemo(
    () =>
      buildRows(
        pact.races,
        odds,
        new Map(pact.members.map((m) => [m.key, m.name])),
        new Map(pact.locks.map((lock) => [lock.race, lock])),
      ),
    [pact.races, pact.members, pact.locks, odds],
  );
  const organizations = useOrganizations();
  const colours = useMemo(
    () => pactMemberColours(pact.members, coalitionColours(organizations.data ?? [])),
    [pact.members, organizations.data],
  );

  return (
    <section aria-labelledby="pact-title" className="pact-workspace">
      <p>
        <Link to="/pacts">← All pacts</Link>
      </p>
      <div className="page-head">
        <h1 id="pact-title">{pact.name}</h1>
        <PactStatusBadge status={pact.status} />
      </div>
      <p className="meta">
        {sourceLabel(pact)} · {pact.members.length} members: {pact.members.map((m) => m.name).join(', ')}
      </p>
      {pact.source.warnings.map((w) => (
        <p key={w} className="note">
          {w}
        </p>
      ))}
      {pact.status === 'ratified' ? (
        <p className="note">
          Ratified at version {pact.ratifiedVersion}: this pact is frozen and shown read-only.
        </p>
      ) : null}
      {pact.status === 'in_ratification' ? (
        <p className="note">A ratification vote is open: runs and rule changes wait until it closes.</p>
      ) : null}
      <nav aria-label="Sections of the pact" className="section-links">
        <a href="#assignment">Assignment</a>
        <a href="#shares">Members’ shares</a>
        <a href="#compare">Compare versions</a>
        <a href="#ratification-title">Ratification</a>
      </nav>
      <FailedChecks pact={pact} />
      <Figures pact={pact} />
      <AdvicePanel pact={pact} />
      {canEdit ? <RunPanel pact={pact} /> : null}
      {version.isLoading ? <Loading label="Loading the latest version" /> : null}
      {version.isError ? <ErrorMessage error={version.error} /> : null}
      <AssignmentSection pact={pact} rows={rows} odds={odds} colours={colours} canEdit={canEdit} />
      {version.data ? <MembersSection version={version.data} /> : null}
      <ComparePanel key={latest ?? 0} pact={pact} />
      <RatificationPanel pact={pact} canEdit={canEdit} />
    </section>
  );
}
