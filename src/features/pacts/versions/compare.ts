import type { AllocationReport } from '../../../core/allocate/index.ts';
import type { Comparison, MemberRef, VersionLabels, VersionSummary } from '../pacts.schema.ts';

export interface ComparableVersion {
  summary: VersionSummary;
  result: AllocationReport;
  labels: VersionLabels;
}

const delta = (from: number, to: number) => ({ from, to, delta: to - from });

/**
 * What changed from one version to another: the races that moved (from → to), each member's
 * races and expected wins before and after with the races it gained and lost, the coalition's
 * expected wins, and the fairness flags. Members are matched by organization, races by key.
 */
export function compareVersions(from: ComparableVersion, to: ComparableVersion): Comparison {
  const refs = new Map<string, MemberRef>();
  const refOf = (version: ComparableVersion, key: string | null | undefined): MemberRef | null => {
    if (key === null || key === undefined) return null;
    const label = version.labels.members[key];
    if (!label) return null;
    const ref = { organizationId: label.organizationId, key, name: label.name };
    refs.set(label.organizationId, ref);
    return ref;
  };
  const raceKeys = [
    ...new Set([...Object.keys(from.result.assignments), ...Object.keys(to.result.assignments)]),
  ];
  const gained = new Map<string, string[]>();
  const lost = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, id: string, race: string) =>
    map.set(id, [...(map.get(id) ?? []), race]);
  const moved: Comparison['moved'] = [];
  for (const race of raceKeys) {
    const before = refOf(from, from.result.assignments[race]);
    const after = refOf(to, to.result.assignments[race]);
    if (before?.organizationId === after?.organizationId) continue;
    moved.push({
      race,
      name: to.labels.races[race]?.name ?? from.labels.races[race]?.name ?? race,
      from: before,
      to: after,
    });
    if (before) push(lost, before.organizationId, race);
    if (after) push(gained, after.organizationId, race);
  }
  const figures = (version: ComparableVersion) => {
    const byOrganization = new Map<string, { seats: number; expectedWins: number }>();
    for (const [key, report] of Object.entries(version.result.members)) {
      const ref = refOf(version, key);
      if (ref) byOrganization.set(ref.organizationId, report);
    }
    return byOrganization;
  };
  const before = figures(from);
  const after = figures(to);
  const members = [...refs.values()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((ref) => ({
      ...ref,
      races: delta(before.get(ref.organizationId)?.seats ?? 0, after.get(ref.organizationId)?.seats ?? 0),
      expectedWins: delta(
        before.get(ref.organizationId)?.expectedWins ?? 0,
        after.get(ref.organizationId)?.expectedWins ?? 0,
      ),
      gained: gained.get(ref.organizationId) ?? [],
      lost: lost.get(ref.organizationId) ?? [],
    }));
  const flags = (version: ComparableVersion) => ({
    entitlementWithinOne: version.result.fairness.entitlementWithinOne,
    wef1: version.result.fairness.wef1,
  });
  return {
    from: from.summary,
    to: to.summary,
    moved,
    members,
    coalition: {
      expectedWins: delta(from.result.expectedWins.pact, to.result.expectedWins.pact),
      noPactWins: delta(from.result.expectedWins.noPact, to.result.expectedWins.noPact),
    },
    fairness: { from: flags(from), to: flags(to) },
  };
}
