import { isJurisdictionKind, type JurisdictionKind } from '../kinds.ts';

/**
 * What a dataset parser produces: rows named by natural keys (no database ids yet), plus every
 * trap it met and what it did about it. Parsers are pure (text in, bundle out); the loader turns a
 * bundle into rows (materialize.ts) and writes them.
 */

/** `kind:code`, e.g. `county:01001`, `congressional_district:AK-AL`, `foreign_constituency:ZZ01`. */
export type JurisdictionKey = `${JurisdictionKind}:${string}`;
export const jurisdictionKey = (kind: JurisdictionKind, code: string): JurisdictionKey => `${kind}:${code}`;

/** `state:06` → its key; null when the kind is unknown or the code empty. */
export function parseJurisdictionKey(text: string): JurisdictionKey | null {
  const at = text.indexOf(':');
  const kind = text.slice(0, at);
  const code = text.slice(at + 1).trim();
  return at > 0 && isJurisdictionKind(kind) && code ? jurisdictionKey(kind, code) : null;
}

export interface JurisdictionSpec {
  kind: JurisdictionKind;
  code: string;
  name: string;
  parent: JurisdictionKey | null;
  country: string;
  abbr: string | null;
}

export interface ElectionSpec {
  slug: string;
  name: string;
  country: string;
  date: string;
}

export interface RaceSpec {
  election: string;
  office: string;
  jurisdiction: JurisdictionKey;
  stage: string;
  name: string;
  seats: number;
  filingDeadline: string | null;
}

/** `election|office|jurisdiction|stage`: a race's natural key. */
export type RaceKey = string;
export const raceKey = (race: Pick<RaceSpec, 'election' | 'office' | 'jurisdiction' | 'stage'>): RaceKey =>
  `${race.election}|${race.office}|${race.jurisdiction}|${race.stage}`;

export interface ResultSetSpec {
  slug: string;
  name: string;
  election: string | null;
  office: string | null;
  unitKind: JurisdictionKind;
  measure: 'votes' | 'lean';
}

export interface UnitSpec {
  set: string;
  jurisdiction: JurisdictionKey;
  race: RaceKey | null;
  /** Valid votes the shares are computed over (candidates' votes; excludes over/under votes, blanks). */
  totalVotes: number | null;
  invalidVotes: number | null;
  registered: number | null;
  /** A lean published as such (538), in margin points, positive = more Democratic than the nation. */
  publishedLean: number | null;
}

export interface VoteSpec {
  set: string;
  jurisdiction: JurisdictionKey;
  candidate: string;
  /** The ballot line as the file writes it (fusion candidates have several). */
  line: string;
  /** The candidate's party group: DEM, REP… for the US, the ministry's nuance for France. */
  party: string;
  votes: number;
  outcome: string | null;
}

/** What a loader did with something that did not map one-to-one. */
export type Resolution =
  | 'mapped' // joined through an explicit crosswalk entry (renamed county, padded FIPS, at-large code)
  | 'rolled_up' // summed into a larger unit that the data really nests in (DC wards, Alaska statewide)
  | 'kept_separate' // kept as its own jurisdiction with no us-atlas shape (Alaska house districts, CT regions)
  | 'excluded' // not counted as votes, on purpose (over/under votes, repeated totals)
  | 'unmapped' // could not be joined: listed by `concord data check`, never silently dropped
  | 'noted'; // loaded as published, with a caveat worth knowing

export const resolutions: readonly Resolution[] = [
  'mapped',
  'rolled_up',
  'kept_separate',
  'excluded',
  'unmapped',
  'noted',
];

export interface IssueSpec {
  code: string;
  resolution: Resolution;
  /** What the issue is about: a FIPS code, a district, a candidate… */
  subject: string;
  /** Row in the source file (the header is row 1), when one row is concerned. */
  row: number | null;
  message: string;
}

export interface Bundle {
  jurisdictions: JurisdictionSpec[];
  elections: ElectionSpec[];
  races: RaceSpec[];
  resultSets: ResultSetSpec[];
  units: UnitSpec[];
  votes: VoteSpec[];
  issues: IssueSpec[];
}
