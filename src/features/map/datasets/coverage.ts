import type { Bundle, IssueSpec, Resolution } from './bundle.ts';
import { countiesNeverReported } from './county-crosswalk.ts';
import type { AtlasUnit } from './us-atlas.ts';
import { stateByFips } from './us-states.ts';

/**
 * For every county result set of a bundle, the us-atlas counties it has no county row for, each
 * with the reason and what the map shows there instead. Together with the joined counties this
 * accounts for every county us-atlas draws.
 */
export function atlasCoverageIssues(bundle: Bundle, atlasCounties: readonly AtlasUnit[]): IssueSpec[] {
  const issues: IssueSpec[] = [];
  for (const set of bundle.resultSets.filter((s) => s.unitKind === 'county')) {
    const units = bundle.units.filter((u) => u.set === set.slug);
    const counties = new Set(
      units.filter((u) => u.jurisdiction.startsWith('county:')).map((u) => u.jurisdiction),
    );
    const parents = new Map(bundle.jurisdictions.map((j) => [`${j.kind}:${j.code}`, j.parent]));
    const kindsByState = new Map<string, Set<string>>();
    for (const unit of units) {
      const state = stateFipsOf(unit.jurisdiction, parents);
      const kind = unit.jurisdiction.slice(0, unit.jurisdiction.indexOf(':'));
      if (state) kindsByState.set(state, (kindsByState.get(state) ?? new Set()).add(kind));
    }
    for (const county of atlasCounties) {
      if (counties.has(`county:${county.id}`)) continue;
      const found = reason(county, kindsByState.get(county.id.slice(0, 2)));
      issues.push({
        code: found.code,
        resolution: found.resolution,
        subject: county.id,
        row: null,
        message: `${set.slug}: ${county.name} (${county.id}): ${found.message}`,
      });
    }
  }
  return issues;
}

/** The state a unit lies in: its own code for a state or county, else through its parents. */
function stateFipsOf(key: string, parents: Map<string, string | null>): string | null {
  for (let current: string | null | undefined = key, depth = 0; current && depth < 8; depth += 1) {
    if (current.startsWith('state:')) return current.slice('state:'.length);
    if (current.startsWith('county:')) return current.slice('county:'.length, 'county:'.length + 2);
    current = parents.get(current);
  }
  return null;
}

function reason(
  county: AtlasUnit,
  kinds: Set<string> | undefined,
): { code: string; resolution: Resolution; message: string } {
  const state = stateByFips(county.id.slice(0, 2));
  if (state?.territory) {
    return {
      code: 'atlas.territory',
      resolution: 'unmapped',
      message: 'territories cast no presidential vote',
    };
  }
  const elsewhere = countiesNeverReported[county.id];
  if (elsewhere) return { code: 'atlas.reported_elsewhere', resolution: 'unmapped', message: elsewhere };
  if (kinds?.has('ward')) {
    return {
      code: 'atlas.from_wards',
      resolution: 'rolled_up',
      message: 'reported by ward: the map shows the sum of the wards, which nest exactly in DC',
    };
  }
  if (kinds?.has('state_legislative_district')) {
    return {
      code: 'atlas.alaska_borough',
      resolution: 'unmapped',
      message:
        'Alaska reports by State House district, which does not nest in boroughs: the map shows the statewide result',
    };
  }
  if (kinds?.has('state')) {
    return {
      code: 'atlas.statewide_only',
      resolution: 'unmapped',
      message: 'the file has only a statewide figure for this state: the map shows the statewide result',
    };
  }
  if (county.id.startsWith('09') && kinds?.has('county')) {
    return {
      code: 'atlas.connecticut_old_county',
      resolution: 'unmapped',
      message:
        'Connecticut reports by planning region, which does not nest in the old counties: the map shows the statewide result',
    };
  }
  if (!kinds) {
    return {
      code: 'atlas.state_not_reported',
      resolution: 'unmapped',
      message: 'the file has no row for this state',
    };
  }
  return { code: 'atlas.no_result', resolution: 'unmapped', message: 'the file has no row for this county' };
}
