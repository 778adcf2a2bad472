import type { JurisdictionView, ResultSetView, UnitResultView } from '../../api/map.ts';
import type { PublicCandidates } from '../../api/public-candidates.ts';

const yearOf = (slug: string) => Number(/\d{4}/.exec(slug)?.[0] ?? 0);

/** The newest result of one office among a place's results (e.g. the last presidential vote). */
export function latestResultOf(
  results: readonly UnitResultView[],
  sets: readonly ResultSetView[],
  office: string,
): UnitResultView | undefined {
  const officeOf = new Map(sets.map((s) => [s.id, s.office]));
  return results
    .filter((r) => officeOf.get(r.resultSet.id) === office && r.raceId !== null)
    .sort((a, b) => yearOf(b.resultSet.slug) - yearOf(a.resultSet.slug))[0];
}

/** The district-level result set whose districts are today's: the latest House election, else the latest district data. */
export function latestDistrictSet(
  sets: readonly ResultSetView[],
): { set: ResultSetView; year: number; label: string } | undefined {
  const districtSets = sets
    .filter((s) => s.unitKind === 'congressional_district')
    .sort((a, b) => yearOf(b.slug) - yearOf(a.slug) || a.slug.localeCompare(b.slug));
  const house = districtSets.find((s) => s.office === 'us_house' && s.measure === 'votes');
  const set = house ?? districtSets[0];
  if (!set) return undefined;
  const year = yearOf(set.slug);
  return { set, year, label: house ? `${year} election` : `${year} district lines` };
}

/** "Harris 58.5%, Trump 38.3%": the two biggest candidates (their lines summed), by share. */
export function leadingCandidates(result: UnitResultView, count = 2): string {
  const byCandidate = new Map<string, number>();
  for (const line of result.lines) {
    const name = line.candidate || line.party;
    byCandidate.set(name, (byCandidate.get(name) ?? 0) + line.votes);
  }
  const total = result.totalVotes ?? 0;
  return [...byCandidate.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, votes]) => (total > 0 ? `${name} ${((votes / total) * 100).toFixed(1)}%` : name))
    .join(', ');
}

/** Districts in seat order: at-large first, then CA-1, CA-2 … CA-52 (not CA-1, CA-10, CA-11). */
export function districtOrder(a: JurisdictionView, b: JurisdictionView): number {
  const seat = (d: JurisdictionView) => {
    const tail = d.code.split('-').pop() ?? '';
    return /^\d+$/.test(tail) ? Number(tail) : 0;
  };
  return seat(a) - seat(b) || a.code.localeCompare(b.code);
}

/**
 * Where a county's House district lies, from the area-based crosswalk: "Michigan district 12: 41%
 * of Wayne's area (area-based, 2020 election)"; a district holding the whole county says so.
 */
export function districtArea(
  district: PublicCandidates['houseDistricts'][number],
  county: string,
  name: string | undefined,
): string {
  const percent = Math.round(district.share * 100);
  const share = percent >= 99 ? `all of ${county}` : `${percent < 1 ? '<1' : percent}% of ${county}’s area`;
  return `${name ?? district.code}: ${share} (area-based, ${district.election} election)`;
}

const ordinal = (n: number) => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
};

/**
 * A House seat by name, never by code: `MI-12` in Michigan is "Michigan’s 12th congressional
 * district", an at-large seat (`WY-AL`, or district 0) "Wyoming at-large".
 */
export function houseSeatName(code: string, stateName: string): string {
  const seat = code.split('-').pop() ?? '';
  const number = /^\d+$/.test(seat) ? Number(seat) : 0;
  return number === 0 ? `${stateName} at-large` : `${stateName}’s ${ordinal(number)} congressional district`;
}
