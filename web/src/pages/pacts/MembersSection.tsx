import type { VersionView } from '../../api/pacts.ts';
import { MemberChart, type MemberFigures, MemberFiguresTable } from './MemberChart.tsx';

/** A version's members with their names, in the pact's order of weight (largest first). */
export function memberFigures(version: VersionView): MemberFigures[] {
  return Object.entries(version.result.members)
    .map(([key, m]) => ({
      key,
      name: version.labels.members[key]?.name ?? key,
      weight: m.weight,
      entitlement: m.entitlement,
      apportioned: m.apportioned,
      races: m.seats,
      expectedWins: m.expectedWins,
    }))
    .sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name));
}

/** Entitlement against races given and expected wins, for the latest version. */
export function MembersSection({ version }: { version: VersionView }) {
  const members = memberFigures(version);
  return (
    <section aria-labelledby="members-share-title" className="panel" id="shares">
      <h2 id="members-share-title">Members’ shares (version {version.number})</h2>
      <MemberChart
        members={members}
        title={`Entitlement, races given and expected wins per member, version ${version.number}`}
      />
      <MemberFiguresTable members={members} />
      {version.result.fairness.entitlementViolations.length > 0 ? (
        <p className="bad-text">
          Outside entitlement ±1: {version.result.fairness.entitlementViolations.join(', ')}
        </p>
      ) : null}
      {version.result.fairness.wef1Violations.length > 0 ? (
        <p className="bad-text">
          WEF1 fails for:{' '}
          {version.result.fairness.wef1Violations
            .map(
              (v) =>
                `${version.labels.members[v.envious]?.name ?? v.envious} envies ${version.labels.members[v.envied]?.name ?? v.envied}`,
            )
            .join('; ')}
        </p>
      ) : null}
    </section>
  );
}
